import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.service';
import { AuthCache } from './auth-cache';
import { changedRows } from '../../database/query';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const [row] = await this.dataSource.query(
      `INSERT INTO user_session (token_hash, csrf_token, user_id, auth_method, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, last_seen_at`,
      [sha256(token), csrfToken, userId, method, expiresAt, client.ip, client.userAgent?.slice(0, 500) ?? null],
    );
    return { token, session: { id: row.id, userId, csrfToken, expiresAt, lastSeenAt: row.last_seen_at } };
  }

  /**
   * The live session behind a cookie token: not revoked, not past its absolute expiry, not
   * idle too long, and its person still active. Marks it seen (at most once a minute).
   */
  async find(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || token.length > 200) return null;
    const idleMinutes = this.config.get('SESSION_IDLE_MINUTES');
    const rows: Array<{ id: string; user_id: string; csrf_token: string; expires_at: Date; last_seen_at: Date }> =
      await this.dataSource.query(
        `SELECT s.id, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at
           FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
            AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
        [sha256(token), idleMinutes],
      );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
      await this.dataSource.query('UPDATE user_session SET last_seen_at = now() WHERE id = $1', [row.id]);
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
    await this.cache.clearAfter(
      this.dataSource.query('UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]),
    );
  }

  /** Ends every session of a person (deactivation, password change, an admin's revoke). Returns how many. */
  /** Inside a caller's transaction, the caller clears the AuthCache after its commit (AuthCache.clearAfter). */
  async revokeAllFor(userId: string, manager = this.dataSource.manager): Promise<number> {
    const rows = await changedRows(
      manager,
      'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
      [userId],
    );
    return rows.length;
  }
}
