import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config.service';
import { AuthCache } from './auth-cache';
import { AuthRepository } from './auth.repository';

export const SESSION_COOKIE = 'rf_session';

export interface ActiveSession {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Server-side sessions in PostgreSQL: revocable, with idle and absolute expiry. */
@Injectable()
export class SessionService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly config: AppConfig,
    private readonly cache: AuthCache,
  ) {}

  /** Starts a session; the returned token goes into the cookie and is never stored. */
  async create(
    userId: string,
    method: 'password' | 'oidc',
    client: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; session: ActiveSession }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.get('SESSION_ABSOLUTE_HOURS') * 3_600_000);
    const row = await this.repository.insertSession({
      tokenHash: sha256(token),
      csrfToken,
      userId,
      method,
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    });
    return { token, session: { id: row.id, userId, csrfToken, expiresAt, lastSeenAt: row.last_seen_at } };
  }

  /**
   * The live session behind a cookie token: not revoked, not past its absolute expiry, not
   * idle too long, and its person still active. Marks it seen (at most once a minute).
   */
  async find(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || token.length > 200) return null;
    const idleMinutes = this.config.get('SESSION_IDLE_MINUTES');
    const row = await this.repository.liveSession(sha256(token), idleMinutes);
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
      await this.repository.touchSession(row.id);
    }
    return {
      id: row.id,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at),
      lastSeenAt: new Date(row.last_seen_at),
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.cache.clearAfter(this.repository.revokeSession(sessionId));
  }

  /** Ends every session of a person (deactivation, password change, an admin's revoke). Returns how many. */
  /** Inside a caller's transaction, the caller clears the AuthCache after its commit (AuthCache.clearAfter). */
  async revokeAllFor(userId: string, manager: EntityManager = this.repository.manager): Promise<number> {
    return this.repository.revokeSessionsOf(manager, userId);
  }
}
