import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssignRoleRequest, CreateUserRequest, UpdateUserRequest, UserDto, UserListResponse } from '@rapportflode/api-contract';
import { Action, can, grantCovers, ResourceScope, roleAllows, RoleGrant, scopesFor } from '@rapportflode/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthCache } from '../auth/auth-cache';
import { AccessService } from '../auth/access.service';
import { PasswordService } from '../auth/password.service';
import { SessionService } from '../auth/session.service';
import type { Actor } from '../organisation/units.service';
import { UserErrors } from './users.exception';

interface UserRow {
  id: string;
  name: string;
  email: string;
  title: string | null;
  active: boolean;
  has_password: boolean;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { constraint?: string })?.constraint === constraint;
}

/** Holds the action with an installation-wide role (not only in some nämnd). */
function installationWide(grants: readonly RoleGrant[], action: Action): boolean {
  return grants.some((g) => g.committeeId === null && roleAllows(g.role, action));
}

const USER_COLUMNS = 'id, name, email, title, active, password_hash IS NOT NULL AS has_password';

/** People and their roles. Every change is audited in the same transaction. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly cache: AuthCache,
  ) {}

  /** The people with a role where the reader may read people; role-less people for those who manage people. */
  async list(grants: readonly RoleGrant[]): Promise<UserListResponse> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY name, email`);
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
      if (visible) users.push(dto);
    }
    return { users };
  }

  /**
   * A person without a role belongs to no nämnd: only an installation-wide administrator creates
   * one. Anyone else gives the first role in the same step, where they administer roles.
   */
  async create(body: CreateUserRequest, actor: Actor): Promise<UserDto> {
    if (!body.role && !installationWide(actor.grants, 'users.manage')) throw UserErrors.roleRequired();
    if (body.role) await this.checkAdministers(body.role, actor);
    const hash = body.password ? await this.passwords.hash(body.password) : null;
    return this.cache.clearAfter(this.dataSource.transaction(async (manager) => {
      try {
        const [row]: UserRow[] = await manager.query(
          `INSERT INTO app_user (name, email, title, password_hash, password_changed_at)
           VALUES ($1, $2, $3, $4::varchar, CASE WHEN $4::varchar IS NULL THEN NULL ELSE now() END) RETURNING ${USER_COLUMNS}`,
          [body.name.trim(), body.email, body.title?.trim() || null, hash],
        );
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
    return this.cache.clearAfter(this.dataSource.transaction(async (manager) => {
      const [before]: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw UserErrors.notFound();
      const next = {
        ...before,
        name: body.name?.trim() ?? before.name,
        email: body.email ?? before.email,
        title: body.title === undefined ? before.title : body.title?.trim() || null,
        active: body.active ?? before.active,
      };
      try {
        await manager.query('UPDATE app_user SET name = $2, email = $3, title = $4, active = $5, updated_at = now() WHERE id = $1', [
          id,
          next.name,
          next.email,
          next.title,
          next.active,
        ]);
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
    return this.cache.clearAfter(this.dataSource.transaction(async (manager) => {
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
    return this.cache.clearAfter(this.dataSource.transaction(async (manager) => {
      const [user]: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
      if (!user) throw UserErrors.notFound();
      if (!installationWide(actor.grants, 'users.manage')) {
        const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM role_assignment WHERE user_id = $1', [userId]);
        if (count === 0) throw UserErrors.notFound();
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
      const [row] = await manager.query(
        'INSERT INTO role_assignment (user_id, role, committee_id, unit_id) VALUES ($1, $2, $3, $4) RETURNING id',
        [userId, body.role, body.committeeId, body.unitId],
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'role.assign',
        entityType: 'role_assignment',
        entityId: row.id,
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
    return this.cache.clearAfter(this.dataSource.transaction(async (manager) => {
      const [assignment]: Array<{ id: string; role: string; committee_id: string | null; unit_id: string | null }> =
        await manager.query('SELECT id, role, committee_id, unit_id FROM role_assignment WHERE id = $1 AND user_id = $2 FOR UPDATE', [
          assignmentId,
          userId,
        ]);
      if (!assignment) throw UserErrors.assignmentNotFound();
      if (userId === actor.userId && assignment.role === 'admin') throw UserErrors.ownAdminRole();
      await manager.query('DELETE FROM role_assignment WHERE id = $1', [assignmentId]);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'role.remove',
        entityType: 'role_assignment',
        entityId: assignmentId,
        committeeId: assignment.committee_id,
        before: { userId, role: assignment.role, committeeId: assignment.committee_id, unitId: assignment.unit_id },
        ip: actor.ip,
      });
      const [user]: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [userId]);
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
    const [row] = await this.dataSource.query(
      `SELECT c.name AS committee, c.municipality, u.name AS unit FROM committee c
         LEFT JOIN organisation_unit u ON u.id = $2 WHERE c.id = $1`,
      [target.committeeId, unitId ?? null],
    );
    const committee = `${row.committee}, ${row.municipality}`;
    return row.unit ? `${row.unit} (${committee})` : committee;
  }
}
