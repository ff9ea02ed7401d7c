/**
 * The organisation below a nämnd (committee): a tree of any depth, typically
 * förvaltning → verksamhetsområde → enhet, but municipalities differ.
 */
export const ORGANISATION_UNIT_KINDS = ['administration', 'operating_area', 'unit'] as const;
export type OrganisationUnitKind = (typeof ORGANISATION_UNIT_KINDS)[number];

/** Swedish names of the unit kinds, as the UI shows them (glossary in docs/domain.md). */
export const ORGANISATION_UNIT_KIND_LABELS: Readonly<Record<OrganisationUnitKind, string>> = {
  administration: 'Förvaltning',
  operating_area: 'Verksamhetsområde',
  unit: 'Enhet',
};

export function isOrganisationUnitKind(value: unknown): value is OrganisationUnitKind {
  return typeof value === 'string' && (ORGANISATION_UNIT_KINDS as readonly string[]).includes(value);
}

/** One unit as stored: a row with a pointer to its parent (null for a root under the committee). */
export interface FlatOrganisationUnit {
  id: string;
  parentId: string | null;
  kind: OrganisationUnitKind;
  name: string;
  code: string | null;
  sortOrder: number;
  active: boolean;
}

export interface OrganisationUnitNode {
  id: string;
  kind: OrganisationUnitKind;
  name: string;
  code: string | null;
  active: boolean;
  children: OrganisationUnitNode[];
}

export class OrganisationTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrganisationTreeError';
  }
}

const collator = new Intl.Collator('sv-SE');

/**
 * Builds the tree from flat rows: siblings ordered by sortOrder, then by name in Swedish
 * collation (å, ä, ö after z). Rejects a parent that is missing or a cycle, since either
 * would silently hide units from every report.
 */
export function buildOrganisationTree(units: readonly FlatOrganisationUnit[]): OrganisationUnitNode[] {
  const nodes = new Map<string, OrganisationUnitNode>();
  for (const unit of units) {
    if (nodes.has(unit.id)) throw new OrganisationTreeError(`Unit ${unit.id} appears twice`);
    nodes.set(unit.id, {
      id: unit.id,
      kind: unit.kind,
      name: unit.name,
      code: unit.code,
      active: unit.active,
      children: [],
    });
  }
  const roots: FlatOrganisationUnit[] = [];
  const childrenOf = new Map<string, FlatOrganisationUnit[]>();
  for (const unit of units) {
    if (unit.parentId === null) {
      roots.push(unit);
      continue;
    }
    if (!nodes.has(unit.parentId)) {
      throw new OrganisationTreeError(
        `Unit ${unit.id} (${unit.name}) has a parent ${unit.parentId} that does not exist`,
      );
    }
    const siblings = childrenOf.get(unit.parentId) ?? [];
    siblings.push(unit);
    childrenOf.set(unit.parentId, siblings);
  }
  const bySortOrder = (a: FlatOrganisationUnit, b: FlatOrganisationUnit) =>
    a.sortOrder - b.sortOrder || collator.compare(a.name, b.name);

  let attached = 0;
  const attach = (unit: FlatOrganisationUnit): OrganisationUnitNode => {
    attached += 1;
    const node = nodes.get(unit.id) as OrganisationUnitNode;
    node.children = (childrenOf.get(unit.id) ?? []).sort(bySortOrder).map(attach);
    return node;
  };
  const tree = roots.sort(bySortOrder).map(attach);
  if (attached !== units.length) {
    throw new OrganisationTreeError('The organisation contains a cycle: some units are their own ancestors');
  }
  return tree;
}

/** Counts the nodes of a tree, the tree's own roots included. */
export function countOrganisationUnits(tree: readonly OrganisationUnitNode[]): number {
  return tree.reduce((sum, node) => sum + 1 + countOrganisationUnits(node.children), 0);
}

/**
 * The part of a tree a person may see: the full subtrees of the units their roles are on,
 * and the ancestors of those units for context (without their other branches).
 */
export function pruneOrganisationTree(
  tree: readonly OrganisationUnitNode[],
  visibleUnitIds: ReadonlySet<string>,
): OrganisationUnitNode[] {
  const result: OrganisationUnitNode[] = [];
  for (const node of tree) {
    if (visibleUnitIds.has(node.id)) {
      result.push(node);
      continue;
    }
    const children = pruneOrganisationTree(node.children, visibleUnitIds);
    if (children.length > 0) result.push({ ...node, children });
  }
  return result;
}

/** Ids from the root down to the unit itself, or null when the unit is not in the tree. */
export function unitPathOf(tree: readonly OrganisationUnitNode[], unitId: string): string[] | null {
  for (const node of tree) {
    if (node.id === unitId) return [node.id];
    const below = unitPathOf(node.children, unitId);
    if (below) return [node.id, ...below];
  }
  return null;
}
