/** Merging two saves of a memo after a stale save: part by part, the writer chooses mine or theirs. */
import { merge3Documents, merge3Lines, resolveDocumentMerge } from '../merge3';
import { Block, emptyDocument, plainText, RichTextDocument, TextRun } from '../rich-text';
import { cleanLine, MEMO_PART_LABELS, MEMO_TEXT_PARTS, type MemoContent } from './content';

/** The memo's parts in form order: what a merge compares and chooses between, one at a time. */
export const MEMO_PARTS = [
  'title',
  'preparedOn',
  'proposals',
  ...MEMO_TEXT_PARTS,
  'attachments',
  'signatures',
  'distribution',
] as const;
export type MemoPart = (typeof MEMO_PARTS)[number];

/** The parts' names as the form shows them. */
export const MEMO_PART_NAMES: Readonly<Record<MemoPart, string>> = {
  title: 'Rubrik',
  preparedOn: 'Upprättad',
  proposals: 'Förslag till beslut',
  ...MEMO_PART_LABELS,
  attachments: 'Beslutsunderlag',
  signatures: 'Underskrifter',
  distribution: 'Sändlista',
};

/** `both`: both sides' changes of the part merged (offered when they touch different paragraphs or lines). */
export type MemoChoice = 'mine' | 'theirs' | 'both';

export interface MemoPartDifference {
  part: MemoPart;
  /** Changed since the base on this side (true for both when there is no base to tell). */
  changedByMe: boolean;
  changedByThem: boolean;
  /**
   * Both changed it, but different paragraphs or lines (from a known base): both changes can be
   * kept, and that is the default.
   */
  combinable: boolean;
  /** What the merge takes: the caller's choice, else both when combinable, else theirs when only they changed it, else mine. */
  choice: MemoChoice;
}

export interface MemoMerge {
  content: MemoContent;
  /** The parts where mine and theirs differ, in form order. */
  differences: MemoPartDifference[];
  /** The differing parts changed on both sides since the base that cannot be combined (someone has to choose). */
  conflicts: MemoPart[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rich text in a form where what the editor adds on a round trip (paragraph ids, split runs) does not count. */
function canonicalRuns(runs: TextRun[]): Json {
  const out: Array<{ text: string; marks: string }> = [];
  for (const run of runs) {
    const marks = JSON.stringify(
      (run.marks ?? []).map((m) => (m.type === 'link' ? `link:${m.href}` : m.type === 'footnote' ? `footnote:${m.note}` : m.type)).sort(),
    );
    const last = out[out.length - 1];
    if (last && last.marks === marks) last.text += run.text;
    else if (run.text !== '') out.push({ text: run.text, marks });
  }
  return out.filter((r) => r.text !== '').map((r) => [r.text, r.marks]);
}

function canonicalBlock(block: Block): Json {
  switch (block.type) {
    case 'heading':
      return ['h', block.level, canonicalRuns(block.content)];
    case 'paragraph':
      return ['p', canonicalRuns(block.content)];
    case 'bullet_list':
    case 'ordered_list':
      return [block.type, block.items.map((item) => item.map(canonicalBlock))];
    case 'table':
      return ['table', block.rows.map((row) => [row.header === true, row.cells.map(canonicalRuns)])];
  }
}

function canonicalDocument(document: RichTextDocument): string {
  const blocks = document.content.map(canonicalBlock).filter((b) => JSON.stringify(b) !== '["p",[]]');
  return JSON.stringify(blocks);
}

function canonicalPart(content: MemoContent, part: MemoPart): string {
  switch (part) {
    case 'title':
    case 'preparedOn':
      return JSON.stringify(cleanLine(content[part] ?? ''));
    case 'proposals':
    case 'attachments':
    case 'distribution':
      return JSON.stringify((content[part] ?? []).map(cleanLine).filter((line) => line !== ''));
    case 'signatures':
      return JSON.stringify(
        (content.signatures ?? []).map((s) => [cleanLine(s.name ?? ''), cleanLine(s.title ?? '')]).filter(([name, title]) => name !== '' || title !== ''),
      );
    default:
      return canonicalDocument(content[part] ?? emptyDocument());
  }
}

/** Whether two memos hold the same in one part (spacing, empty lines and paragraph ids aside). */
export function sameMemoPart(part: MemoPart, a: MemoContent, b: MemoContent): boolean {
  return canonicalPart(a, part) === canonicalPart(b, part);
}

/**
 * A three-way merge of the memo, part by part, after a stale save: `base` is what the writer
 * started from (null when unknown), `mine` what the form holds, `theirs` the saved version. A part
 * only one side changed takes that side; a part both changed takes `choices[part]`, else mine.
 * `choices` overrides any part's default.
 */
export function mergeMemoContent(
  base: MemoContent | null,
  mine: MemoContent,
  theirs: MemoContent,
  choices: Partial<Record<MemoPart, MemoChoice>> = {},
): MemoMerge {
  const content = { ...mine } as Record<MemoPart, unknown>;
  const differences: MemoPartDifference[] = [];
  for (const part of MEMO_PARTS) {
    if (sameMemoPart(part, mine, theirs)) continue;
    const changedByMe = base ? !sameMemoPart(part, base, mine) : true;
    const changedByThem = base ? !sameMemoPart(part, base, theirs) : true;
    const combined = base && changedByMe && changedByThem ? combinePart(part, base, mine, theirs) : undefined;
    const fallback: MemoChoice = combined !== undefined ? 'both' : changedByThem && !changedByMe ? 'theirs' : 'mine';
    let choice = choices[part] ?? fallback;
    if (choice === 'both' && combined === undefined) choice = 'mine';
    differences.push({ part, changedByMe, changedByThem, combinable: combined !== undefined, choice });
    if (choice === 'theirs') content[part] = theirs[part];
    if (choice === 'both') content[part] = combined;
  }
  return {
    content: content as unknown as MemoContent,
    differences,
    conflicts: differences.filter((d) => d.changedByMe && d.changedByThem && !d.combinable).map((d) => d.part),
  };
}

/** Both sides' changes of one part in one value (a three-way merge from the base), or undefined when they collide. */
function combinePart(part: MemoPart, base: MemoContent, mine: MemoContent, theirs: MemoContent): unknown {
  switch (part) {
    case 'proposals':
    case 'attachments':
    case 'distribution': {
      const lines = (content: MemoContent) => (content[part] ?? []).map(cleanLine).filter((line) => line !== '');
      return merge3Lines(lines(base), lines(mine), lines(theirs)) ?? undefined;
    }
    case 'title':
    case 'preparedOn':
    case 'signatures':
      return undefined;
    default: {
      const merge = merge3Documents(base[part] ?? emptyDocument(), mine[part] ?? emptyDocument(), theirs[part] ?? emptyDocument());
      return merge.conflicts.length === 0 ? resolveDocumentMerge(merge) : undefined;
    }
  }
}

/** A part as plain text, to show both sides of a difference: lines one per row, rich text without formatting. */
export function memoPartText(content: MemoContent, part: MemoPart): string {
  switch (part) {
    case 'title':
    case 'preparedOn':
      return content[part] ?? '';
    case 'proposals':
    case 'attachments':
    case 'distribution':
      return (content[part] ?? []).join('\n');
    case 'signatures':
      return (content.signatures ?? []).map((s) => (s.title ? `${s.name}, ${s.title}` : s.name)).join('\n');
    default:
      return plainText(content[part] ?? emptyDocument());
  }
}
