import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitNodeRow, UnitsRepository } from './units.repository';

/** One unit of a committee's tree. */
export interface UnitNode {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  sortOrder: number;
  active: boolean;
}

/** Deeper than this is taken as a loop in the data: a path stops there instead of hanging. */
const MAX_DEPTH = 50;

const SWEDISH = new Intl.Collator('sv-SE');

function nodeOf(row: UnitNodeRow): UnitNode {
  return { id: row.id, parentId: row.parent_id, name: row.name, code: row.code, sortOrder: row.sort_order, active: row.active };
}

/**
 * A committee's units read once, with the walk from a unit up to the top done in memory
 * (memoised). Built by `UnitTree.of`.
 *
 * - `units`: every unit, active or not, in sibling order (sort order, then name);
 * - `get(id)`: the unit, or undefined for an id not in this committee;
 * - `pathIds(id)` / `path(id)`: the unit and its ancestors from the top down (the unit last),
 *   as ids (an `AccessScope.unitPath`) or as nodes; `pathNames(id)` their names;
 *   an unknown id gives [];
 * - `orderKey(id)`: a string that sorts units in organisation order (each level's sort order,
 *   then name, from the top), compared with the sv-SE collator;
 * - `ordered()`: every unit sorted by `orderKey` (a parent before its children, siblings by sort order and name).
 */
export class CommitteeUnits {
  private readonly byId: ReadonlyMap<string, UnitNode>;
  private readonly paths = new Map<string, UnitNode[]>();

  constructor(readonly units: readonly UnitNode[]) {
    this.byId = new Map(units.map((unit) => [unit.id, unit]));
  }

  get(id: string): UnitNode | undefined {
    return this.byId.get(id);
  }

  path(id: string): readonly UnitNode[] {
    const known = this.paths.get(id);
    if (known) return known;
    const path: UnitNode[] = [];
    for (let at = this.byId.get(id); at && path.length < MAX_DEPTH; at = at.parentId ? this.byId.get(at.parentId) : undefined) {
      path.unshift(at);
    }
    this.paths.set(id, path);
    return path;
  }

  pathIds(id: string): string[] {
    return this.path(id).map((unit) => unit.id);
  }

  pathNames(id: string): string[] {
    return this.path(id).map((unit) => unit.name);
  }

  orderKey(id: string): string {
    return this.path(id)
      .map((unit) => `${String(unit.sortOrder).padStart(6, '0')}${unit.name}`)
      .join('/');
  }

  ordered(): UnitNode[] {
    return [...this.units].sort((a, b) => SWEDISH.compare(this.orderKey(a.id), this.orderKey(b.id)));
  }
}

/**
 * The one reading of a committee's unit tree for other modules (exported by OrganisationModule).
 *
 * `await unitTree.of(committeeId, manager?)` gives a `CommitteeUnits` (see above); pass the
 * transaction's EntityManager to read inside it. One query per call; keep the result for the
 * rest of the request rather than calling again per unit.
 */
@Injectable()
export class UnitTree {
  constructor(private readonly units: UnitsRepository) {}

  async of(committeeId: string, manager?: EntityManager): Promise<CommitteeUnits> {
    const rows = await this.units.ofCommittee(committeeId, manager);
    return new CommitteeUnits(rows.map(nodeOf));
  }
}
