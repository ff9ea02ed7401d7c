import { Injectable } from '@nestjs/common';
import type { RoleAssignmentDto } from '@rapportflode/api-contract';
import { AppConfig } from '../../config/app-config.service';
import type { ActiveSession } from './session.service';

interface Entry {
  session: ActiveSession;
  assignments: RoleAssignmentDto[];
  until: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Who a session token belongs to and their roles, remembered for SESSION_CACHE_SECONDS so a
 * busy page does not look both up on every request. This process forgets everything at once
 * when a session is revoked or a role changes here; another instance notices within the TTL
 * (0 turns the cache off). An entry never outlives its session's absolute expiry.
 */
@Injectable()
export class AuthCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(config: AppConfig) {
    this.ttlMs = config.get('SESSION_CACHE_SECONDS') * 1000;
  }

  get(token: string): Omit<Entry, 'until'> | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(token);
      return null;
    }
    return entry;
  }

  set(token: string, session: ActiveSession, assignments: RoleAssignmentDto[]): void {
    if (this.ttlMs === 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(token, { session, assignments, until: Math.min(Date.now() + this.ttlMs, session.expiresAt.getTime()) });
  }

  /** After a revocation or a change of roles: look everyone up again. */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Runs a change of sessions or roles (usually a transaction) and forgets everything once it
   * has committed or failed, so no request can cache the state from before the commit.
   */
  async clearAfter<T>(change: Promise<T>): Promise<T> {
    try {
      return await change;
    } finally {
      this.clear();
    }
  }
}
