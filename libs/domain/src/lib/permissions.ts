import type { Role } from './roles';

/**
 * What can be done, and by which role. The server's guard asks `can`, the UI asks the same
 * function to decide what to show; scopes come from role assignments (docs/domain.md, "People and roles").
 */
export const ACTIONS = [
  'organisation.read',
  'organisation.manage',
  'users.read',
  'users.manage',
  'roles.manage',
  'audit.read',
  'task.read',
  'task.write',
  'task.submit',
  'task.review',
  'task.reopen',
  'template.read',
  'template.manage',
  'cycle.manage',
  'economy.import',
  'system.manage',
  // The tjänsteskrivelse (memo): read, write (secretary, economist), review (director), reopen.
  'memo.view',
  'memo.edit',
  'memo.review',
  'memo.reopen',
  // The assembled report: status, preview and downloads (secretary, economist); freezing a version (secretary).
  'report.view',
  'report.freeze',
  // The nämnd's sammanträden: the unpublished package and its documents (members, secretary, director); managing meetings, the kallelse and publishing (secretary).
  'meeting.read',
  'meeting.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: [
    'organisation.read',
    'organisation.manage',
    'users.read',
    'users.manage',
    'roles.manage',
    'audit.read',
    'template.read',
    'template.manage',
    // Outgoing mail and the queues (admin pages Utskick and Köer): installation-wide admins only (INSTALLATION_SCOPE).
    'system.manage',
  ],
  director: ['organisation.read', 'users.read', 'audit.read', 'task.read', 'task.review', 'template.read', 'memo.view', 'memo.review', 'memo.reopen', 'meeting.read'],
  // The secretary writes the nämnd-level sections (Sammanfattning …) and runs the cycles.
  secretary: [
    'organisation.read',
    'users.read',
    'task.read',
    'task.write',
    'task.submit',
    'task.reopen',
    'template.read',
    'cycle.manage',
    'economy.import',
    'memo.view',
    'memo.edit',
    'memo.reopen',
    'report.view',
    'report.freeze',
    'meeting.read',
    'meeting.manage',
  ],
  // The förvaltningsekonom brings the finance system's figures in (economy sections of a cycle).
  economist: ['organisation.read', 'users.read', 'task.read', 'task.review', 'task.reopen', 'template.read', 'economy.import', 'memo.view', 'memo.edit', 'report.view'],
  reviewer: ['organisation.read', 'task.read', 'task.review', 'memo.view'],
  unit_head: ['organisation.read', 'task.read', 'task.write', 'task.submit'],
  reader: ['organisation.read'],
  // A ledamot or ersättare of the nämnd: reads the meeting's package before it is published.
  member: ['meeting.read'],
};

/**
 * Where a role holds: the whole installation (committeeId null), a whole committee (unitId
 * null), or a unit and everything below it.
 */
export interface RoleGrant {
  role: Role;
  committeeId: string | null;
  unitId: string | null;
}

/** Where a resource sits: its committee, and the ids from the committee's root unit down to itself ([] = committee level). */
export interface ResourceScope {
  committeeId: string;
  unitPath: readonly string[];
}

/**
 * The whole installation as a resource (installation settings, outgoing mail, the queues): only
 * grants with no committee (installation-wide roles) cover it.
 */
export const INSTALLATION_SCOPE: ResourceScope = { committeeId: 'installation', unitPath: [] };

/** Whether a grant's scope includes the resource (inherited down the tree). */
export function grantCovers(grant: Pick<RoleGrant, 'committeeId' | 'unitId'>, resource: ResourceScope): boolean {
  if (grant.committeeId === null) return true;
  if (grant.committeeId !== resource.committeeId) return false;
  return grant.unitId === null || resource.unitPath.includes(grant.unitId);
}

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role].includes(action);
}

/**
 * May a person with these grants do this to that? With `anywhere`, whether they may do it
 * somewhere (list endpoints then filter by scopesFor).
 */
export function can(grants: readonly RoleGrant[], action: Action, resource: ResourceScope | 'anywhere'): boolean {
  return grants.some(
    (grant) => roleAllows(grant.role, action) && (resource === 'anywhere' || grantCovers(grant, resource)),
  );
}

/** The grants through which the action is allowed: the scopes a list is filtered to. */
export function scopesFor(grants: readonly RoleGrant[], action: Action): RoleGrant[] {
  return grants.filter((grant) => roleAllows(grant.role, action));
}

/** Whether one scope lies within another (an admin may only grant roles inside what they administer). */
export function scopeContains(outer: Pick<RoleGrant, 'committeeId' | 'unitId'>, inner: ResourceScope): boolean {
  return grantCovers(outer, inner);
}

/**
 * What of a committee a person may see for an action: all of it, the subtrees of some units,
 * or nothing (null).
 */
export function visibleUnitsOf(
  grants: readonly RoleGrant[],
  action: Action,
  committeeId: string,
): 'all' | ReadonlySet<string> | null {
  const relevant = scopesFor(grants, action).filter((g) => g.committeeId === null || g.committeeId === committeeId);
  if (relevant.length === 0) return null;
  if (relevant.some((g) => g.unitId === null)) return 'all';
  return new Set(relevant.map((g) => g.unitId as string));
}
