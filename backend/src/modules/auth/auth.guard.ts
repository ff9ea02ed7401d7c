import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER } from '@rapportflode/api-contract';
import { can } from '@rapportflode/domain';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../common/domain-error';
import { UPLOAD_ROUTE } from '../../common/upload.decorator';
import { AppConfig } from '../../config/app-config.service';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import { AccessService, toGrants } from './access.service';
import { AuthCache } from './auth-cache';
import { AuthenticatedRequest } from './auth-context';
import { checkWriteContentType, checkWriteOrigin, isSafeMethod } from './request-checks';
import { SESSION_COOKIE, SessionService } from './session.service';

export const NOT_SIGNED_IN = () =>
  new DomainError( 'unauthenticated', 'Du är inte inloggad, eller så har sessionen gått ut. Logga in igen.');
export const NOT_FOUND = () => new DomainError( 'not_found', 'Det som efterfrågades finns inte.');
export const FORBIDDEN = () => new DomainError( 'forbidden', 'Du saknar behörighet för detta.');

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The one guard on every route (registered globally). Deny by default: a route without an
 * access rule is refused (and stops the boot, see RouteCatalog). Writes with a session cookie
 * need the session's CSRF token in X-XSRF-TOKEN. Resources the person may not even read answer
 * 404, so ids cannot be probed; resources they may read but not change answer 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
    private readonly cache: AuthCache,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw FORBIDDEN();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    checkWriteOrigin(request, this.config.get('PUBLIC_URL'));
    checkWriteContentType(
      request,
      this.reflector.getAllAndOverride<boolean | undefined>(UPLOAD_ROUTE, [context.getHandler(), context.getClass()]) === true,
    );

    const token: string | undefined = request.cookies?.[SESSION_COOKIE];
    const known = token ? await this.signedIn(token) : null;
    if (known) {
      const { session, assignments } = known;
      if (!isSafeMethod(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
          throw new DomainError(
            'csrf_invalid',
            'Säkerhetskontrollen misslyckades. Ladda om sidan och försök igen.',
          );
        }
      }
      request.auth = { userId: session.userId, session, assignments, grants: toGrants(assignments), ip: request.ip ?? null };
    }

    if (rule.kind === 'public') return true;
    if (!request.auth) throw NOT_SIGNED_IN();
    if (rule.kind === 'signed-in') return true;

    const resolved = await rule.resolve(request, this.access);
    if (resolved === null) throw NOT_FOUND();
    const grants = request.auth.grants;
    if (resolved === 'anywhere') {
      if (can(grants, rule.action, 'anywhere')) return true;
      throw FORBIDDEN();
    }
    const scopes = Array.isArray(resolved) ? resolved : [resolved];
    if (!can(grants, rule.action, 'anywhere')) throw FORBIDDEN();
    if (scopes.every((scope) => can(grants, rule.action, scope))) {
      if (scopes.length === 1) request.auth.resource = scopes[0];
      return true;
    }
    if (!scopes.some((scope) => can(grants, 'organisation.read', scope) || can(grants, rule.action, scope))) {
      throw NOT_FOUND();
    }
    throw FORBIDDEN();
  }

  /** The session and the person's roles: remembered briefly (AuthCache), else read from the database. */
  private async signedIn(token: string) {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const session = await this.sessions.find(token);
    if (!session) return null;
    const assignments = await this.access.grantsOf(session.userId);
    this.cache.set(token, session, assignments);
    return { session, assignments };
  }
}
