import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReminderDelivery } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

/** A person as the people pages show them. */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  title: string | null;
  active: boolean;
  has_password: boolean;
}

/** A role assignment as stored. */
export interface RoleAssignmentRow {
  id: string;
  role: string;
  committee_id: string | null;
  unit_id: string | null;
}

const USER_COLUMNS = 'id, name, email, title, active, password_hash IS NOT NULL AS has_password';

type Queryable = Pick<EntityManager, 'query'>;

/** app_user and role_assignment: the one place they are written. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** For reads outside a transaction. */
  reader(): EntityManager {
    return this.dataSource.manager;
  }

  async all(): Promise<UserRow[]> {
    return this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY name, email`);
  }

  async find(manager: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
    const [row]: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  async findByEmail(manager: Queryable, email: string): Promise<{ id: string; name: string } | undefined> {
    const [row]: Array<{ id: string; name: string }> = await manager.query('SELECT id, name FROM app_user WHERE email = $1', [email]);
    return row;
  }

  /** A new person; with a password hash, its change time is now. */
  async insert(manager: Queryable, person: { name: string; email: string; title: string | null; passwordHash: string | null }): Promise<UserRow> {
    const [row]: UserRow[] = await manager.query(
      `INSERT INTO app_user (name, email, title, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4::varchar, CASE WHEN $4::varchar IS NULL THEN NULL ELSE now() END) RETURNING ${USER_COLUMNS}`,
      [person.name, person.email, person.title, person.passwordHash],
    );
    return row;
  }

  /** A demo person: created, or (already there by e-mail) renamed; its id. */
  async upsertDemo(manager: Queryable, person: { name: string; email: string; title: string; passwordHash: string }): Promise<string> {
    const [user]: Array<{ id: string }> = await manager.query(
      `INSERT INTO app_user (name, email, title, password_hash, password_changed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [person.name, person.email, person.title, person.passwordHash],
    );
    return user.id;
  }

  async update(manager: Queryable, id: string, next: Pick<UserRow, 'name' | 'email' | 'title' | 'active'>): Promise<void> {
    await manager.query('UPDATE app_user SET name = $2, email = $3, title = $4, active = $5, updated_at = now() WHERE id = $1', [
      id,
      next.name,
      next.email,
      next.title,
      next.active,
    ]);
  }

  async setPassword(manager: Queryable, userId: string, hash: string): Promise<void> {
    await manager.query('UPDATE app_user SET password_hash = $1, password_changed_at = now(), updated_at = now() WHERE id = $2', [hash, userId]);
  }

  async linkOidc(userId: string, issuer: string, subject: string): Promise<void> {
    await this.dataSource.query('UPDATE app_user SET oidc_issuer = $1, oidc_subject = $2, updated_at = now() WHERE id = $3', [issuer, subject, userId]);
  }

  async reminderDelivery(manager: Queryable, userId: string, options: { forUpdate?: boolean } = {}): Promise<ReminderDelivery> {
    const [row]: Array<{ delivery: ReminderDelivery }> = await manager.query(
      `SELECT reminder_delivery AS delivery FROM app_user WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [userId],
    );
    return row.delivery;
  }

  async setReminderDelivery(manager: Queryable, userId: string, delivery: ReminderDelivery): Promise<void> {
    await manager.query('UPDATE app_user SET reminder_delivery = $2, updated_at = now() WHERE id = $1', [userId, delivery]);
  }

  async roleCount(manager: Queryable, userId: string): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query('SELECT count(*)::int AS count FROM role_assignment WHERE user_id = $1', [userId]);
    return count;
  }

  /** Whether the person holds the role exactly there (a unit, or the whole committee when unitId is null). */
  async hasRole(manager: Queryable, userId: string, role: string, committeeId: string, unitId: string | null): Promise<boolean> {
    const found: unknown[] = await manager.query(
      `SELECT 1 FROM role_assignment WHERE user_id = $1 AND role = $2 AND committee_id = $3 AND unit_id IS NOT DISTINCT FROM $4`,
      [userId, role, committeeId, unitId],
    );
    return found.length > 0;
  }

  /**
   * Gives a role; its assignment's id. `ifMissing`: an assignment already there is left alone and
   * the answer is null (otherwise the unique violation uq_role_assignment is thrown).
   */
  async insertRole(
    manager: Queryable,
    grant: { userId: string; role: string; committeeId: string | null; unitId: string | null },
    options: { ifMissing?: boolean } = {},
  ): Promise<string | null> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO role_assignment (user_id, role, committee_id, unit_id) VALUES ($1, $2, $3, $4)${options.ifMissing ? ' ON CONFLICT DO NOTHING' : ''} RETURNING id`,
      [grant.userId, grant.role, grant.committeeId, grant.unitId],
    );
    return row?.id ?? null;
  }

  async roleForUpdate(manager: Queryable, assignmentId: string, userId: string): Promise<RoleAssignmentRow | undefined> {
    const [row]: RoleAssignmentRow[] = await manager.query(
      'SELECT id, role, committee_id, unit_id FROM role_assignment WHERE id = $1 AND user_id = $2 FOR UPDATE',
      [assignmentId, userId],
    );
    return row;
  }

  async deleteRole(manager: Queryable, assignmentId: string): Promise<void> {
    await manager.query('DELETE FROM role_assignment WHERE id = $1', [assignmentId]);
  }

  /** The names of a committee and (if given) a unit, for messages. */
  async scopeNames(committeeId: string, unitId: string | null): Promise<{ committee: string; municipality: string; unit: string | null }> {
    const [row]: Array<{ committee: string; municipality: string; unit: string | null }> = await this.dataSource.query(
      `SELECT c.name AS committee, c.municipality, u.name AS unit FROM committee c
         LEFT JOIN organisation_unit u ON u.id = $2 WHERE c.id = $1`,
      [committeeId, unitId],
    );
    return row;
  }

  /** The id of a committee by its municipality and name (the demo people's places). */
  async committeeId(manager: Queryable, municipality: string, name: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query('SELECT id FROM committee WHERE municipality = $1 AND name = $2', [municipality, name]);
    return row?.id;
  }

  /** The id of a unit by its parent (null: top level) and name. */
  async unitId(manager: Queryable, committeeId: string, parentId: string | null, name: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query(
      'SELECT id FROM organisation_unit WHERE committee_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND name = $3',
      [committeeId, parentId, name],
    );
    return row?.id;
  }
}
