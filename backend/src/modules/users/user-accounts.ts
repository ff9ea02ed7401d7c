import { Injectable } from '@nestjs/common';
import { ReminderDelivery } from '@rapportflode/domain';
import { EntityManager } from 'typeorm';
import { UsersRepository } from './users.repository';

/**
 * What other modules change on a person's account, through the users module (which owns app_user
 * and role_assignment): auth sets passwords and links OIDC identities, notifications the reminder
 * choice, the organisation import creates people and gives roles. Methods that take a manager run
 * in the caller's transaction.
 */
@Injectable()
export class UserAccounts {
  constructor(private readonly repository: UsersRepository) {}

  setPassword(manager: EntityManager, userId: string, hash: string): Promise<void> {
    return this.repository.setPassword(manager, userId, hash);
  }

  linkOidc(userId: string, issuer: string, subject: string): Promise<void> {
    return this.repository.linkOidc(userId, issuer, subject);
  }

  /** The person's reminder choice; `forUpdate` locks the row for the caller's transaction. */
  reminderDelivery(userId: string, options: { manager?: EntityManager; forUpdate?: boolean } = {}): Promise<ReminderDelivery> {
    return this.repository.reminderDelivery(options.manager ?? this.repository.reader(), userId, options);
  }

  setReminderDelivery(manager: EntityManager, userId: string, delivery: ReminderDelivery): Promise<void> {
    return this.repository.setReminderDelivery(manager, userId, delivery);
  }

  findByEmail(manager: EntityManager, email: string): Promise<{ id: string; name: string } | undefined> {
    return this.repository.findByEmail(manager, email);
  }

  /** A new person without a password; their id. */
  async create(manager: EntityManager, person: { name: string; email: string; title: string | null }): Promise<string> {
    return (await this.repository.insert(manager, { ...person, passwordHash: null })).id;
  }

  roleCount(manager: EntityManager, userId: string): Promise<number> {
    return this.repository.roleCount(manager, userId);
  }

  hasRole(manager: EntityManager, userId: string, role: string, committeeId: string, unitId: string | null): Promise<boolean> {
    return this.repository.hasRole(manager, userId, role, committeeId, unitId);
  }

  /** Gives a role unless the person holds it there already; the new assignment's id, or null. */
  grantRoleIfMissing(manager: EntityManager, grant: { userId: string; role: string; committeeId: string | null; unitId: string | null }): Promise<string | null> {
    return this.repository.insertRole(manager, grant, { ifMissing: true });
  }
}
