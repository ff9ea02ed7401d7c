import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { RoleAssignmentDto } from '@rapportflode/api-contract';
import type { ResourceScope, RoleGrant } from '@rapportflode/domain';
import type { Request } from 'express';
import type { ActiveSession } from './session.service';

/** Who is asking: set on the request by the AuthGuard. */
export interface AuthContext {
  userId: string;
  session: ActiveSession;
  assignments: RoleAssignmentDto[];
  grants: RoleGrant[];
  ip: string | null;
  /** Where the resource the route names sits, as the guard resolved it (permission rules on one resource). */
  resource?: ResourceScope;
}

export type AuthenticatedRequest = Request & { auth?: AuthContext };

/** The signed-in person of a route declared signed-in or with a permission. */
export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new Error('Auth used on a route without a signed-in rule');
  return request.auth;
});

export function clientOf(request: Request): { ip: string | null; userAgent: string | null } {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}
