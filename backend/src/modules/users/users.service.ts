import { Injectable } from '@nestjs/common';
import type { AssignRoleRequest, CreateUserRequest, UpdateUserRequest, UserDto, UserListResponse } from '@rapportflode/api-contract';
import { Action, can, grantCovers, ResourceScope, ROLE_LABELS, roleAllows, RoleGrant, scopesFor } from '@rapportflode/domain';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthCache } from '../auth/auth-cache';
import { AccessService } from '../auth/access.service';
import { PasswordService } from '../auth/password.service';
import { SessionService } from '../auth/session.service';
import type { Actor } from '../organisation/units.service';
import { UserErrors } from './users.exception';
import { UserRow, UsersRepository } from './users.repository';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { constraint?: string })?.constraint === constraint;
}

/** Holds the action with an installation-wide role (not only in some nämnd). */
function installationWide(grants: readonly RoleGrant[], action: Action): boolean {
  return grants.some((g) => g.committeeId === null && roleAllows(g.role, action));
}

/** People and their roles. Every change is audited in the same transaction. */
@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly cache: AuthCache,
  ) {}

  /** The people with a role where the reader may read people; role-less people for those who manage people. */
  async list(grants: readonly RoleGrant[], query: { q?: string; page: number; pageSize: number } = { page: 1, pageSize: 50 }): Promise<UserListResponse> {
    const rows = await this.repository.all();
    const readScopes = scopesFor(grants, 'users.read');
    const installationWide = readScopes.some((g) => g.committeeId === null);
    const users: UserDto[] = [];
    for (const row of rows) {
      const dto = await this.toDto(row);
      const scopes = await Promise.all(dto.roles.map((r) => this.access.assignmentScope(r.committeeId, r.unitId)));
      // A person without roles is seen only installation-wide (they belong to no nämnd).
      const visible =
        installationWide ||
        scopes.some((scope) => scope && scope !== 'installation' && readScopes.some((g) => grantCovers(g, scope)));
      if (visible && matchesPeopleSearch(dto, query.q)) users.push(dto);
    }
    const start = (query.page - 1) * query.pageSize;
    return { users: users.slice(start, start + query.pageSize), total: users.length, page: query.page, pageSize: query.pageSize };
  }

  /**
   * A person without a role belongs to no nämnd: only an installation-wide administrator creates
   * one. Anyone else gives the first role in the same step, where they administer roles.
   */
  async create(body: CreateUserRequest, actor: Actor): Promise<UserDto> {
    if (!body.role && !installationWide(actor.grants, 'users.manage')) throw UserErrors.roleRequired();
    if (body.role) await this.checkAdministers(body.role, actor);
    const hash = body.password ? await this.passwords.hash(body.password) : null;
    return this.cache.clearAfter(this.repository.transaction(async (manager) => {
      try {
        const row = await this.repository.insert(manager, { name: body.name.trim(), email: body.email, title: body.title?.trim() || null, passwordHash: hash });
        const dto = await this.toDto(row, manager);
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          committeeId: null,
          after: { name: dto.name, email: dto.email, title: dto.title, hasPassword: dto.hasPassword },
          ip: actor.ip,
        });
        if (!body.role) return dto;
        await this.insertRole(manager, row.id, body.role, actor);
        return this.toDto(row, manager);
      } catch (error) {
        if (isUniqueViolation(error, 'uq_app_user_email')) throw UserErrors.emailTaken(body.email);
        throw error;
      }
    }));
  }

  async update(id: string, body: UpdateUserRequest, actor: Actor): Promise<UserDto> {
    if (Object.values(body).every((value) => value === undefined)) throw UserErrors.nothingToChange();
    return this.cache.clearAfter(this.repository.transaction(async (manager) => {
      const before = await this.repository.find(manager, id, { forUpdate: true });
      if (!before) throw UserErrors.notFound();
      const next = {
        ...before,
        name: body.name?.trim() ?? before.name,
        email: body.email ?? before.email,
        title: body.title === undefined ? before.title : body.title?.trim() || null,
        active: body.active ?? before.active,
      };
      try {
        await this.repository.update(manager, id, next);
      } catch (error) {
        if (isUniqueViolation(error, 'uq_app_user_email')) throw UserErrors.emailTaken(next.email);
        throw error;
      }
      if (before.active && !next.active) await this.sessions.revokeAllFor(id, manager);
      const pick = (u: UserRow) => ({ name: u.name, email: u.email, title: u.title, active: u.active });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: before.active && !next.active ? 'user.deactivate' : !before.active && next.active ? 'user.reactivate' : 'user.update',
        entityType: 'user',
        entityId: id,
        committeeId: null,
        before: pick(before),
        after: pick(next),
        ip: actor.ip,
      });
      return this.toDto(next, manager);
    }));
  }

  async revokeSessions(id: string, actor: Actor): Promise<{ revoked: number }> {
    return this.cache.clearAfter(this.repository.transaction(async (manager) => {
      const revoked = await this.sessions.revokeAllFor(id, manager);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'user.sessions_revoke',
        entityType: 'user',
        entityId: id,
        committeeId: null,
        after: { revoked },
        ip: actor.ip,
      });
      return { revoked };
    }));
  }

  /** A role where the acting admin administers roles: a unit, a committee, or (installation-wide admins only) everywhere. */
  /**
   * Gives a role. A person without roles belongs to the installation's administrators: a nämnd's
   * administrator could otherwise give them a role, then change their e-mail and take the account.
   */
  async assignRole(userId: string, body: AssignRoleRequest, actor: Actor): Promise<UserDto> {
    await this.checkAdministers(body, actor);
    return this.cache.clearAfter(this.repository.transaction(async (manager) => {
      const user = await this.repository.find(manager, userId, { forUpdate: true });
      if (!user) throw UserErrors.notFound();
      if (!installationWide(actor.grants, 'users.manage')) {
        if ((await this.repository.roleCount(manager, userId)) === 0) throw UserErrors.notFound();
      }
      await this.insertRole(manager, userId, body, actor);
      return this.toDto(user, manager);
    }));
  }

  /** The acting person administers roles where the role would hold. */
  private async checkAdministers(body: AssignRoleRequest, actor: Actor): Promise<void> {
    const target = await this.access.assignmentScope(body.committeeId, body.unitId);
    if (!target) throw UserErrors.scopeNotFound();
    const administered = target === 'installation' ? installationWide(actor.grants, 'roles.manage') : can(actor.grants, 'roles.manage', target);
    if (!administered) throw UserErrors.scopeNotAdministered(await this.describeScope(target));
  }

  private async insertRole(manager: EntityManager, userId: string, body: AssignRoleRequest, actor: Actor): Promise<void> {
    try {
      const assignmentId = (await this.repository.insertRole(manager, { userId, role: body.role, committeeId: body.committeeId, unitId: body.unitId })) as string;
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'role.assign',
        entityType: 'role_assignment',
        entityId: assignmentId,
        committeeId: body.committeeId,
        after: { userId, role: body.role, committeeId: body.committeeId, unitId: body.unitId },
        ip: actor.ip,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_role_assignment')) throw UserErrors.roleExists();
      throw error;
    }
  }

  async removeRole(userId: string, assignmentId: string, actor: Actor): Promise<UserDto> {
    return this.cache.clearAfter(this.repository.transaction(async (manager) => {
      const assignment = await this.repository.roleForUpdate(manager, assignmentId, userId);
      if (!assignment) throw UserErrors.assignmentNotFound();
      if (userId === actor.userId && assignment.role === 'admin') throw UserErrors.ownAdminRole();
      await this.repository.deleteRole(manager, assignmentId);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'role.remove',
        entityType: 'role_assignment',
        entityId: assignmentId,
        committeeId: assignment.committee_id,
        before: { userId, role: assignment.role, committeeId: assignment.committee_id, unitId: assignment.unit_id },
        ip: actor.ip,
      });
      const user = (await this.repository.find(manager, userId)) as UserRow;
      return this.toDto(user, manager);
    }));
  }

  private async toDto(row: UserRow, manager?: EntityManager): Promise<UserDto> {
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      title: row.title,
      active: row.active,
      hasPassword: row.has_password,
      roles: await this.access.grantsOf(row.id, manager),
    };
  }

  private async describeScope(target: ResourceScope | 'installation'): Promise<string> {
    if (target === 'installation') return 'hela installationen';
    const unitId = target.unitPath[target.unitPath.length - 1];
    const row = await this.repository.scopeNames(target.committeeId, unitId ?? null);
    const committee = `${row.committee}, ${row.municipality}`;
    return row.unit ? `${row.unit} (${committee})` : committee;
  }
}

/** Case and accent-insensitive text for the people search ("Öberg" is found by "oberg" too). */
function searchText(text: string): string {
  return text.toLocaleLowerCase('sv-SE').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Whether every word of the search occurs in the person's name, e-mail, title, a role's name or where it holds. */
export function matchesPeopleSearch(user: UserDto, q: string | undefined): boolean {
  const words = searchText(q ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchText(
    [user.name, user.email, user.title ?? '', ...user.roles.flatMap((r) => [ROLE_LABELS[r.role], r.role, r.scopeName])].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}
