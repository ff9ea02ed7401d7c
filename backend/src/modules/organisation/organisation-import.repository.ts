import { Injectable } from '@nestjs/common';
import type { Role } from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';

/**
 * The people and role assignments an organisation import looks up and adds. (app_user and
 * role_assignment belong to the users module; the import writes them here until that module
 * offers a transactional way to add a person and a role.)
 */
@Injectable()
export class OrganisationImportRepository {
  async findPerson(manager: EntityManager, email: string): Promise<{ id: string; name: string } | undefined> {
    const [row]: Array<{ id: string; name: string }> = await manager.query('SELECT id, name FROM app_user WHERE email = $1', [email]);
    return row;
  }

  async roleCount(manager: EntityManager, userId: string): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query(
      'SELECT count(*)::int AS count FROM role_assignment WHERE user_id = $1',
      [userId],
    );
    return count;
  }

  async hasRole(manager: EntityManager, userId: string, role: Role, committeeId: string, unitId: string | null): Promise<boolean> {
    const found: unknown[] = await manager.query(
      `SELECT 1 FROM role_assignment WHERE user_id = $1 AND role = $2 AND committee_id = $3 AND unit_id IS NOT DISTINCT FROM $4`,
      [userId, role, committeeId, unitId],
    );
    return found.length > 0;
  }

  async insertPerson(manager: EntityManager, person: { name: string; email: string; title: string | null }): Promise<string> {
    const [row]: Array<{ id: string }> = await manager.query('INSERT INTO app_user (name, email, title) VALUES ($1, $2, $3) RETURNING id', [
      person.name,
      person.email,
      person.title,
    ]);
    return row.id;
  }

  /** The new assignment's id, or undefined when the person had that role there already. */
  async insertRole(manager: EntityManager, userId: string, role: Role, committeeId: string, unitId: string | null): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await manager.query(
      `INSERT INTO role_assignment (user_id, role, committee_id, unit_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, role, committeeId, unitId],
    );
    return row?.id;
  }
}
