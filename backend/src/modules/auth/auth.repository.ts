import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../../database/query';

/** A person as sign-in sees them. */
export interface SigninUserRow {
  id: string;
  name: string;
  email: string;
  title: string | null;
  password_hash: string | null;
  active: boolean;
}

/** A live session's row. */
export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
}

const SIGNIN_USER_COLUMNS = 'id, name, email, title, password_hash, active';

/**
 * The auth module's tables, user_session and password_reset_token, and its reads of app_user
 * (whose writes go through the users module's UserAccounts).
 */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async userByEmail(email: string): Promise<SigninUserRow | undefined> {
    const [user]: SigninUserRow[] = await this.dataSource.query(`SELECT ${SIGNIN_USER_COLUMNS} FROM app_user WHERE email = $1`, [email]);
    return user;
  }

  async userById(id: string): Promise<SigninUserRow | undefined> {
    const [user]: SigninUserRow[] = await this.dataSource.query(`SELECT ${SIGNIN_USER_COLUMNS} FROM app_user WHERE id = $1`, [id]);
    return user;
  }

  /** The active person with this e-mail address's SHA-256 (hex). */
  async activeUserByEmailHash(emailHash: string): Promise<{ id: string; name: string; email: string } | undefined> {
    const [user]: Array<{ id: string; name: string; email: string }> = await this.dataSource.query(
      `SELECT id, name, email FROM app_user WHERE active AND encode(sha256(convert_to(email, 'UTF8')), 'hex') = $1`,
      [emailHash],
    );
    return user;
  }

  /** The active account an OIDC sign-in is for: bound to the identity, or else with its e-mail. */
  async oidcAccount(email: string, issuer: string, subject: string): Promise<{ id: string; oidc_subject: string | null } | undefined> {
    const [user]: Array<{ id: string; oidc_subject: string | null }> = await this.dataSource.query(
      `SELECT id, oidc_subject FROM app_user WHERE active AND (email = $1 OR (oidc_issuer = $2 AND oidc_subject = $3))
        ORDER BY (oidc_subject = $3) DESC NULLS LAST LIMIT 1`,
      [email, issuer, subject],
    );
    return user;
  }

  async insertSession(session: {
    tokenHash: string;
    csrfToken: string;
    userId: string;
    method: 'password' | 'oidc';
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<{ id: string; last_seen_at: Date }> {
    const [row]: Array<{ id: string; last_seen_at: Date }> = await this.dataSource.query(
      `INSERT INTO user_session (token_hash, csrf_token, user_id, auth_method, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, last_seen_at`,
      [session.tokenHash, session.csrfToken, session.userId, session.method, session.expiresAt, session.ip, session.userAgent],
    );
    return row;
  }

  /** The session with this token hash if it is live: not revoked, not expired, not idle longer than idleMinutes, its person active. */
  async liveSession(tokenHash: string, idleMinutes: number): Promise<SessionRow | undefined> {
    const [row]: SessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
      [tokenHash, idleMinutes],
    );
    return row;
  }

  async touchSession(id: string): Promise<void> {
    await this.dataSource.query('UPDATE user_session SET last_seen_at = now() WHERE id = $1', [id]);
  }

  async revokeSession(id: string): Promise<void> {
    await this.dataSource.query('UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  }

  /** Revokes every live session of a person; how many. */
  async revokeSessionsOf(manager: EntityManager, userId: string): Promise<number> {
    const rows = await changedRows(manager, 'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [
      userId,
    ]);
    return rows.length;
  }

  /** A new reset token for the person; earlier unused ones stop working (only the newest link works). */
  async replaceResetToken(manager: EntityManager, userId: string, tokenHash: string, hours: number): Promise<void> {
    await manager.query('UPDATE password_reset_token SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
    await manager.query(`INSERT INTO password_reset_token (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
      tokenHash,
      userId,
      hours,
    ]);
  }

  /** Uses up a valid reset token; the person it was for, or undefined when it is invalid, used or expired. */
  async useResetToken(manager: EntityManager, tokenHash: string): Promise<string | undefined> {
    const rows = await changedRows<{ id: string; user_id: string }>(
      manager,
      `UPDATE password_reset_token SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id, user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id;
  }
}
