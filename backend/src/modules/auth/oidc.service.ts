import { Injectable, Logger } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { BaseClient, custom, generators, Issuer } from 'openid-client';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config.service';
import { RedisClient } from '../../queue/redis-client';
import { UserAccounts } from '../users/user-accounts';
import { clientOf } from './auth-context';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { ActiveSession } from './session.service';

const FLOW_COOKIE = 'rf_oidc';
const FLOW_TTL_SECONDS = 10 * 60;

interface Flow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type OidcResult = { ok: true; token: string; session: ActiveSession } | { ok: false; reason: string };

/**
 * Sign-in through the municipality's OpenID Connect provider (Entra ID, Keycloak, …), with
 * PKCE, state and nonce. A person signs in only if an active account has the provider's
 * e-mail; the provider's subject is then bound to that account.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private client: Promise<BaseClient> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisClient,
    private readonly auth: AuthService,
    private readonly repository: AuthRepository,
    private readonly accounts: UserAccounts,
  ) {
    custom.setHttpOptionsDefaults({ timeout: 5_000 });
  }

  get enabled(): boolean {
    return Boolean(this.config.get('OIDC_ISSUER_URL'));
  }

  get redirectUri(): string {
    return `${this.config.get('PUBLIC_URL')}/api/auth/oidc/callback`;
  }

  private getClient(): Promise<BaseClient> {
    const issuerUrl = this.config.get('OIDC_ISSUER_URL');
    if (!issuerUrl) {
      throw new DomainError( 'oidc_disabled', 'Inloggning via identitetsleverantör är inte aktiverad.');
    }
    this.client ??= Issuer.discover(issuerUrl).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.config.get('OIDC_CLIENT_ID') ?? '',
          client_secret: this.config.get('OIDC_CLIENT_SECRET'),
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
        }),
    );
    return this.client.catch((error: Error) => {
      this.client = null; // try discovery again next time
      this.logger.error(`OIDC discovery at ${issuerUrl} failed: ${error.message}`);
      throw new DomainError(
        'oidc_unavailable',
        'Identitetsleverantören svarar inte just nu. Försök igen om en stund eller logga in med lösenord.',
      );
    });
  }

  private cookieOptions(request: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/api/auth/oidc', maxAge: FLOW_TTL_SECONDS * 1000 };
  }

  /** Remembers state, nonce and PKCE verifier (Redis, bound to a browser cookie) and returns the provider's URL. */
  async start(request: Request, response: Response): Promise<string> {
    const client = await this.getClient();
    const flow: Flow = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
    const flowId = randomBytes(24).toString('base64url');
    const redis = await this.redis.ready();
    await redis.set(this.redis.key('oidc-flow', flowId), JSON.stringify(flow), 'EX', FLOW_TTL_SECONDS);
    response.cookie(FLOW_COOKIE, flowId, this.cookieOptions(request));
    return client.authorizationUrl({
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: generators.codeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  async finish(request: Request, response: Response): Promise<OidcResult> {
    const flowId: string | undefined = request.cookies?.[FLOW_COOKIE];
    response.clearCookie(FLOW_COOKIE, this.cookieOptions(request));
    if (!flowId) return { ok: false, reason: 'Inloggningen tog för lång tid eller startades i en annan webbläsare. Försök igen.' };
    const redis = await this.redis.ready();
    const key = this.redis.key('oidc-flow', flowId);
    const stored = await redis.get(key);
    await redis.del(key); // single use
    if (!stored) return { ok: false, reason: 'Inloggningen tog för lång tid. Försök igen.' };
    const flow = JSON.parse(stored) as Flow;
    const client = await this.getClient();

    let email: string | undefined;
    let subject: string;
    try {
      const params = client.callbackParams(request);
      if (params.error) return { ok: false, reason: `Identitetsleverantören avbröt inloggningen (${params.error}).` };
      const tokens = await client.callback(this.redirectUri, params, {
        state: flow.state,
        nonce: flow.nonce,
        code_verifier: flow.codeVerifier,
      });
      const claims = tokens.claims();
      subject = claims.sub;
      email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
    } catch (error) {
      this.logger.warn(`OIDC callback rejected: ${(error as Error).message}`);
      return { ok: false, reason: 'Inloggningen kunde inte verifieras. Försök igen.' };
    }
    if (!email) return { ok: false, reason: 'Identitetsleverantören lämnade ingen e-postadress.' };

    const issuer = this.config.get('OIDC_ISSUER_URL') ?? '';
    const user = await this.repository.oidcAccount(email, issuer, subject);
    if (!user) {
      return { ok: false, reason: `Det finns inget aktivt konto för ${email} i Rapportflöde. Kontakta din administratör.` };
    }
    if (user.oidc_subject && user.oidc_subject !== subject) {
      return { ok: false, reason: 'Kontot är kopplat till en annan identitet hos identitetsleverantören.' };
    }
    if (!user.oidc_subject) {
      await this.accounts.linkOidc(user.id, issuer, subject);
    }
    const started = await this.auth.startSession(user.id, clientOf(request), { method: 'oidc', issuer });
    return { ok: true, ...started };
  }
}
