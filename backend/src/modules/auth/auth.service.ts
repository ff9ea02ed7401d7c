import { Injectable } from '@nestjs/common';
import { PASSWORD_MIN_LENGTH, SessionResponse } from '@rapportflode/api-contract';
import { ACTIONS, can, INSTALLATION_SCOPE } from '@rapportflode/domain';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config.service';
import { AuditService } from '../audit/audit.service';
import { UserAccounts } from '../users/user-accounts';
import { AccessService, toGrants } from './access.service';
import { AuthCache } from './auth-cache';
import { AuthRepository, SigninUserRow } from './auth.repository';
import { PasswordResetService } from './password-reset.service';
import { PasswordService } from './password.service';
import { ActiveSession, SessionService, sha256 } from './session.service';
import { SigninLimiter } from './signin-limiter';

export const INVALID_CREDENTIALS = () =>
  new DomainError( 'invalid_credentials', 'Fel e-postadress eller lösenord.');

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly accounts: UserAccounts,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cache: AuthCache,
    private readonly limiter: SigninLimiter,
    private readonly resets: PasswordResetService,
  ) {}

  /**
   * Password sign-in. Wrong e-mail and wrong password answer alike, in about the same time;
   * after LOGIN_MAX_FAILURES failures an address is locked for 15 minutes, whether or not
   * an account has it, so the lock reveals nothing either. The attempt is counted before the
   * password is checked, so concurrent guesses cannot all pass a check made before any of them
   * counted; a successful sign-in clears the count.
   */
  async signIn(
    emailInput: string,
    password: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; session: ActiveSession }> {
    const email = emailInput.trim().toLowerCase();
    const attempt = await this.limiter.countAttempt(email);
    if (attempt.count > this.config.get('LOGIN_MAX_FAILURES')) {
      throw new DomainError(
        'signin_locked',
        'För många misslyckade inloggningsförsök. Vänta 15 minuter och försök igen, eller återställ lösenordet.',
      );
    }
    const user = await this.repository.userByEmail(email);
    const valid = await this.passwords.verify(user?.active ? user.password_hash : null, password);
    if (!user || !valid) throw INVALID_CREDENTIALS();
    await this.limiter.clear(email, attempt.store);
    return this.startSession(user.id, client, { method: 'password' });
  }

  /** Starts a session for a person whose identity is established, and records the sign-in. */
  async startSession(
    userId: string,
    client: { ip: string | null; userAgent: string | null },
    how: { method: 'password' } | { method: 'oidc'; issuer: string },
  ): Promise<{ token: string; session: ActiveSession }> {
    const started = await this.sessions.create(userId, how.method, client);
    await this.audit.record(this.repository.manager, {
      actorUserId: userId,
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: userId,
      committeeId: null,
      after: how,
      ip: client.ip,
    });
    return started;
  }

  async signOut(session: ActiveSession, ip: string | null): Promise<void> {
    await this.sessions.revoke(session.id);
    await this.audit.record(this.repository.manager, {
      actorUserId: session.userId,
      action: 'auth.sign_out',
      entityType: 'user',
      entityId: session.userId,
      committeeId: null,
      ip,
    });
  }

  async describe(session: ActiveSession): Promise<SessionResponse> {
    const user = (await this.repository.userById(session.userId)) as SigninUserRow;
    const roles = await this.access.grantsOf(user.id);
    const grants = toGrants(roles);
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        title: user.title,
        roles,
        // system.manage holds only installation-wide: a committee's admin does not get the Utskick and Köer pages.
        actions: ACTIONS.filter((action) => can(grants, action, action === 'system.manage' ? INSTALLATION_SCOPE : 'anywhere')),
      },
      expiresAt: session.expiresAt.toISOString(),
      idleMinutes: this.config.get('SESSION_IDLE_MINUTES'),
    };
  }

  /**
   * Always answers the same, in the same time: the link is made and mailed by a queued job, and
   * only when an active account has the address.
   */
  async requestPasswordReset(emailInput: string, ip: string | null): Promise<void> {
    await this.resets.request(emailInput.trim().toLowerCase(), ip);
  }

  async confirmPasswordReset(token: string, password: string, ip: string | null): Promise<void> {
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw new DomainError(
        'password_too_short',
        `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`,
      );
    }
    const hash = await this.passwords.hash(password);
    await this.cache.clearAfter(this.repository.transaction(async (manager) => {
      const userId = await this.repository.useResetToken(manager, sha256(token));
      if (!userId) {
        throw new DomainError(
          'reset_token_invalid',
          'Länken för att återställa lösenordet är ogiltig, redan använd eller för gammal. Begär en ny.',
        );
      }
      await this.accounts.setPassword(manager, userId, hash);
      await this.sessions.revokeAllFor(userId, manager);
      await this.audit.record(manager, {
        actorUserId: userId,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: userId,
        committeeId: null,
        ip,
      });
    }));
  }
}
