import type { AuditContext, OrganisationUnitKind, Role } from '@rapportflode/domain';
import type { RoleAssignmentDto } from './auth';

/** POST /api/units: a unit under a parent unit, or a root unit of a committee. */
export interface CreateUnitRequest {
  committeeId: string;
  parentId: string | null;
  kind: OrganisationUnitKind;
  name: string;
  code?: string | null;
}

/** PATCH /api/units/:id: rename, recode, move (parentId), deactivate or reactivate (active). */
export interface UpdateUnitRequest {
  name?: string;
  code?: string | null;
  kind?: OrganisationUnitKind;
  parentId?: string | null;
  active?: boolean;
}

export interface UnitDto {
  id: string;
  committeeId: string;
  parentId: string | null;
  kind: OrganisationUnitKind;
  name: string;
  code: string | null;
  active: boolean;
}

export interface UserDto {
  id: string;
  name: string;
  email: string;
  title: string | null;
  active: boolean;
  hasPassword: boolean;
  roles: RoleAssignmentDto[];
}

/** GET /api/users?q=&page=&pageSize=: the people the caller may read, by name, one page. */
export interface UserListResponse {
  users: UserDto[];
  /** How many match the search in all. */
  total: number;
  page: number;
  pageSize: number;
}

export interface UserListQuery {
  /** Words that must all occur in the name, e-mail, title, a role or where a role holds (enhet, nämnd). */
  q?: string;
  page?: number;
  /** 1–200; 50 when absent. */
  pageSize?: number;
}

/** POST /api/users */
export interface CreateUserRequest {
  name: string;
  email: string;
  title?: string | null;
  /** Optional: without it the person signs in through the identity provider or a password reset. */
  password?: string;
  /**
   * The person's first role, given in the same step. Required unless the acting administrator is
   * installation-wide: a person without roles belongs to no nämnd, so only they may manage them.
   */
  role?: AssignRoleRequest;
}

/** PATCH /api/users/:id */
export interface UpdateUserRequest {
  name?: string;
  email?: string;
  title?: string | null;
  active?: boolean;
}

/** POST /api/users/:id/roles */
export interface AssignRoleRequest {
  role: Role;
  committeeId: string | null;
  unitId: string | null;
}

/** One row of the import preview: what will be created or found, line by line. */
export interface ImportPreviewRow {
  line: number;
  municipality: string;
  committee: string;
  path: string[];
  kind: OrganisationUnitKind | null;
  person: { name: string; email: string; title: string | null; role: Role } | null;
  /** What committing will do with this row, in Swedish (e.g. `Ny enhet`, `Finns redan`). */
  effect: string;
}

export interface ImportIssueDto {
  line: number;
  column: string | null;
  message: string;
}

/** POST /api/organisation/import?dryRun=true|false (body: the CSV file as multipart field `file`). */
export interface ImportResponse {
  committed: boolean;
  fileName: string;
  encoding: string;
  rows: ImportPreviewRow[];
  errors: ImportIssueDto[];
  summary: { committees: number; units: number; users: number; roles: number };
}

export interface AuditEventDto {
  id: string;
  occurredAt: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** The names the entity resolves to now (its task's section, unit and cycle; a person's name …), for the Swedish sentence. */
  context: AuditContext | null;
}

/** GET /api/audit?entityType=&action=&actorId=&from=&to=&page= */
export interface AuditListResponse {
  events: AuditEventDto[];
  page: number;
  pageSize: number;
  total: number;
}
