import type { SaveTemplateRequest, TemplateSectionDto } from '@rapportflode/api-contract';
import {
  checkSectionConfig,
  OrganisationUnitNode,
  SectionConfig,
  SectionPlacement,
  Responsibility,
  Role,
  SectionKind,
  TEMPLATE_MAX_DEPTH,
  TemplateSectionInput,
} from '@rapportflode/domain';

/**
 * The template editor's model: the sections as an ordered list in reading order (a parent
 * before its children, each subtree in one piece), so that the list the admin sees is the
 * order checkTemplateSections numbers. Rows point to their parent by a local id: the key of a
 * section that is not yet saved follows its title, and children must not lose their parent
 * when it changes.
 */
export interface EditorSection {
  /** Local to the editor, never sent. */
  uid: string;
  /** The saved key, fixed once the section exists on the server; null for a new section. */
  savedKey: string | null;
  parentUid: string | null;
  title: string;
  kind: SectionKind;
  responsibility: Responsibility;
  /** Kept while another responsibility is chosen, sent only with chosen_units. */
  unitIds: string[];
  reviewerRole: Role;
  /** "Skrivs av": the role that writes the section; missing or null: the default rule. */
  writerRole?: Role | null;
  /** The saved layout (an economy table's columns, a table's columns …); sent back while it fits the kind. */
  config?: SectionConfig | null;
  /** The writing instruction shown to the writer above the editor ('' or missing: none). */
  guidance?: string;
  /** "Endast rubrik": the cycle creates no task, only the heading is printed. */
  headingOnly?: boolean;
  /** 'appendix': printed as Bilaga N after the main text (top level only). */
  placement?: SectionPlacement;
}

const KEY_MAX_LENGTH = 60;
/** The key of a new section that has no title yet. */
export const UNTITLED_KEY = 'namnlost-avsnitt';

/**
 * A section key from its title: lowercase a–z, 0–9 and `-` (å/ä → a, ö → o, other accents
 * dropped), at most 60 characters; `namnlost-avsnitt` when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, KEY_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug || UNTITLED_KEY;
}

/** `base`, or `base-2`, `base-3` … (shortened to fit 60 characters), whichever is not taken. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, KEY_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The key of every row: saved sections keep theirs, new ones get a unique slug of their title, in order. */
export function assignKeys(rows: readonly EditorSection[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  for (const row of rows) {
    if (row.savedKey !== null) {
      keys.set(row.uid, row.savedKey);
      taken.add(row.savedKey);
    }
  }
  for (const row of rows) {
    if (row.savedKey !== null) continue;
    const key = uniqueKey(slugify(row.title), taken);
    keys.set(row.uid, key);
    taken.add(key);
  }
  return keys;
}

/** The sections as checkTemplateSections and the server take them, in the editor's order. */
export function toSectionInputs(rows: readonly EditorSection[]): SaveTemplateRequest['sections'] {
  const keys = assignKeys(rows);
  return rows.map((row) => {
    const section: Omit<TemplateSectionInput, 'unitIds'> & { unitIds?: string[] } = {
      key: keys.get(row.uid) as string,
      parentKey: row.parentUid === null ? null : (keys.get(row.parentUid) ?? row.parentUid),
      title: row.title.trim(),
      kind: row.kind,
      responsibility: row.responsibility,
      reviewerRole: row.reviewerRole,
    };
    if (row.responsibility === 'chosen_units') section.unitIds = [...row.unitIds];
    section.guidance = row.guidance?.trim() ? row.guidance.trim() : null;
    // A layout made for another kind (the admin changed the kind) is dropped, not sent. A section of
    // blocks keeps its list with a fault in it: the check names the fault instead of the blocks being lost.
    if (row.config && (checkSectionConfig(row.kind, row.config).ok || (row.kind === 'blocks' && row.config.blocks))) section.config = row.config;
    if (row.headingOnly) section.headingOnly = true;
    if (row.placement === 'appendix') section.placement = 'appendix';
    if (row.writerRole) section.writerRole = row.writerRole;
    return section;
  });
}

/**
 * Rows from a saved template, in reading order whatever order they came in (children after
 * their parent, siblings in the order given); `uid` names each row.
 */
export function fromTemplateSections(
  sections: ReadonlyArray<
    Pick<TemplateSectionDto, 'key' | 'parentKey' | 'title' | 'kind' | 'responsibility' | 'reviewerRole' | 'unitIds'> & {
      config?: SectionConfig | null;
      guidance?: string | null;
      headingOnly?: boolean;
      placement?: SectionPlacement;
      writerRole?: Role | null;
    }
  >,
  uid: (key: string) => string = (key) => `s-${key}`,
): EditorSection[] {
  const keys = new Set(sections.map((s) => s.key));
  const rows = sections.map<EditorSection>((s) => ({
    uid: uid(s.key),
    savedKey: s.key,
    // A parent that is missing would be a server bug; show such a section at the top level.
    parentUid: s.parentKey !== null && keys.has(s.parentKey) && s.parentKey !== s.key ? uid(s.parentKey) : null,
    title: s.title,
    kind: s.kind,
    responsibility: s.responsibility,
    unitIds: [...s.unitIds],
    reviewerRole: s.reviewerRole,
    config: s.config ?? null,
    guidance: s.guidance ?? '',
    ...(s.headingOnly ? { headingOnly: true } : {}),
    ...(s.placement === 'appendix' ? { placement: 'appendix' as const } : {}),
    ...(s.writerRole ? { writerRole: s.writerRole } : {}),
  }));
  return inReadingOrder(rows);
}

/** Parents before children, each subtree in one piece, siblings in their present order; rows in a loop are put at the top level. */
export function inReadingOrder(rows: readonly EditorSection[]): EditorSection[] {
  const byParent = new Map<string | null, EditorSection[]>();
  const uids = new Set(rows.map((r) => r.uid));
  for (const row of rows) {
    const parent = row.parentUid !== null && uids.has(row.parentUid) ? row.parentUid : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
  }
  const result: EditorSection[] = [];
  const placed = new Set<string>();
  const visit = (parent: string | null) => {
    for (const row of byParent.get(parent) ?? []) {
      if (placed.has(row.uid)) continue;
      placed.add(row.uid);
      result.push(row);
      visit(row.uid);
    }
  };
  visit(null);
  for (const row of rows) {
    if (placed.has(row.uid)) continue;
    // Unreachable from the top: part of a loop. Break it here.
    const freed = { ...row, parentUid: null };
    placed.add(row.uid);
    result.push(freed);
    visit(row.uid);
  }
  return result;
}

/** Nesting level of each row, 1 at the top. */
export function depths(rows: readonly EditorSection[]): number[] {
  const depthOf = new Map<string, number>();
  return rows.map((row) => {
    const depth = row.parentUid === null ? 1 : (depthOf.get(row.parentUid) ?? 0) + 1;
    depthOf.set(row.uid, depth);
    return depth;
  });
}

export interface RowNumber {
  /** `2`, `2.1`, `2.1.3` */
  number: string;
  depth: number;
}

/** Chapter numbers as the report will have them (the numbering of checkTemplateSections), live while editing. */
export function numberRows(rows: readonly EditorSection[]): RowNumber[] {
  const numberOf = new Map<string, string>();
  const childCount = new Map<string | null, number>();
  const rowDepths = depths(rows);
  return rows.map((row, index) => {
    const n = (childCount.get(row.parentUid) ?? 0) + 1;
    childCount.set(row.parentUid, n);
    const prefix = row.parentUid === null ? '' : `${numberOf.get(row.parentUid) ?? '?'}.`;
    const number = `${prefix}${n}`;
    numberOf.set(row.uid, number);
    return { number, depth: rowDepths[index] };
  });
}

/** The index after the row's last descendant. */
export function subtreeEnd(rows: readonly EditorSection[], index: number): number {
  const rowDepths = depths(rows);
  let end = index + 1;
  while (end < rows.length && rowDepths[end] > rowDepths[index]) end += 1;
  return end;
}

function indexOf(rows: readonly EditorSection[], uid: string): number {
  return rows.findIndex((r) => r.uid === uid);
}

/** The sibling just before the row (same parent), or -1. */
export function previousSiblingIndex(rows: readonly EditorSection[], index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) {
    if (rows[i].parentUid === rows[index].parentUid) return i;
    if (rows[i].uid === rows[index].parentUid) return -1;
  }
  return -1;
}

/** The sibling just after the row's subtree, or -1. */
export function nextSiblingIndex(rows: readonly EditorSection[], index: number): number {
  const end = subtreeEnd(rows, index);
  return end < rows.length && rows[end].parentUid === rows[index].parentUid ? end : -1;
}

/** How many levels the row's subtree spans (1: no children). */
function subtreeHeight(rows: readonly EditorSection[], index: number): number {
  const rowDepths = depths(rows);
  const end = subtreeEnd(rows, index);
  let deepest = rowDepths[index];
  for (let i = index; i < end; i += 1) deepest = Math.max(deepest, rowDepths[i]);
  return deepest - rowDepths[index] + 1;
}

export interface SectionMoves {
  up: boolean;
  down: boolean;
  indent: boolean;
  outdent: boolean;
}

/** Which moves a row allows: none of them can put a section inside itself or deeper than TEMPLATE_MAX_DEPTH levels. */
export function allowedMoves(rows: readonly EditorSection[], uid: string): SectionMoves {
  const index = indexOf(rows, uid);
  if (index < 0) return { up: false, down: false, indent: false, outdent: false };
  const previous = previousSiblingIndex(rows, index);
  return {
    up: previous >= 0,
    down: nextSiblingIndex(rows, index) >= 0,
    indent: previous >= 0 && depths(rows)[index] + subtreeHeight(rows, index) <= TEMPLATE_MAX_DEPTH,
    outdent: rows[index].parentUid !== null,
  };
}

/** Swaps the row (with its subsections) with the sibling before it. */
export function moveUp(rows: readonly EditorSection[], uid: string): EditorSection[] {
  const index = indexOf(rows, uid);
  const previous = index < 0 ? -1 : previousSiblingIndex(rows, index);
  if (previous < 0) return [...rows];
  const end = subtreeEnd(rows, index);
  return [...rows.slice(0, previous), ...rows.slice(index, end), ...rows.slice(previous, index), ...rows.slice(end)];
}

/** Swaps the row (with its subsections) with the sibling after it. */
export function moveDown(rows: readonly EditorSection[], uid: string): EditorSection[] {
  const index = indexOf(rows, uid);
  const next = index < 0 ? -1 : nextSiblingIndex(rows, index);
  if (next < 0) return [...rows];
  return moveUp(rows, rows[next].uid);
}

/** Makes the row (with its subsections) the last subsection of the sibling before it. */
export function indent(rows: readonly EditorSection[], uid: string): EditorSection[] {
  if (!allowedMoves(rows, uid).indent) return [...rows];
  const index = indexOf(rows, uid);
  const parent = rows[previousSiblingIndex(rows, index)];
  // The row already sits right after its previous sibling's subtree: only the parent changes.
  return rows.map((row) => (row.uid === uid ? { ...row, parentUid: parent.uid } : row));
}

/**
 * Moves the row (with its subsections) one level out: it follows its former parent as the
 * next sibling; the sections after it under the former parent stay there.
 */
export function outdent(rows: readonly EditorSection[], uid: string): EditorSection[] {
  const index = indexOf(rows, uid);
  if (index < 0 || rows[index].parentUid === null) return [...rows];
  const parentIndex = indexOf(rows, rows[index].parentUid as string);
  const parentEnd = subtreeEnd(rows, parentIndex);
  const end = subtreeEnd(rows, index);
  const moved = rows.slice(index, end).map((row, i) => (i === 0 ? { ...row, parentUid: rows[parentIndex].parentUid } : row));
  return [...rows.slice(0, index), ...rows.slice(end, parentEnd), ...moved, ...rows.slice(parentEnd)];
}

/** Removes the row; its subsections move up one level and take its place, in order. */
export function removeSection(rows: readonly EditorSection[], uid: string): EditorSection[] {
  const removed = rows.find((r) => r.uid === uid);
  if (!removed) return [...rows];
  return rows
    .filter((row) => row.uid !== uid)
    .map((row) => (row.parentUid === uid ? { ...row, parentUid: removed.parentUid } : row));
}

/** The number of direct subsections of a row. */
export function childCount(rows: readonly EditorSection[], uid: string): number {
  return rows.filter((r) => r.parentUid === uid).length;
}

/** A new top-level section at the end. */
export function addSection(rows: readonly EditorSection[], uid: string): EditorSection[] {
  return [
    ...rows,
    {
      uid,
      savedKey: null,
      parentUid: null,
      title: '',
      kind: 'narrative',
      responsibility: 'committee',
      unitIds: [],
      reviewerRole: 'economist',
    },
  ];
}

/** Changes one row's fields. */
export function updateSection(
  rows: readonly EditorSection[],
  uid: string,
  change: Partial<Omit<EditorSection, 'uid' | 'savedKey' | 'parentUid'>>,
): EditorSection[] {
  return rows.map((row) => (row.uid === uid ? { ...row, ...change } : row));
}

export interface UnitChoice {
  id: string;
  name: string;
  /** 1 at the top of the committee's tree. */
  depth: number;
  active: boolean;
  /** The unit just above, to tell apart units of the same name (`Stab` under two areas); null at the top. */
  parentName: string | null;
}

/** The units a section can be delivered by, in tree order: the active ones, and inactive ones already chosen. */
export function unitChoices(
  units: readonly OrganisationUnitNode[],
  chosen: ReadonlySet<string> = new Set(),
  depth = 1,
  parentName: string | null = null,
): UnitChoice[] {
  return units.flatMap((node) => [
    ...(node.active || chosen.has(node.id) ? [{ id: node.id, name: node.name, depth, active: node.active, parentName }] : []),
    ...unitChoices(node.children, chosen, depth + 1, node.name),
  ]);
}
