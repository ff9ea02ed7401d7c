import { SetMetadata } from '@nestjs/common';
import type { Action, ResourceScope } from '@rapportflode/domain';
import type { Request } from 'express';
import type { AccessService } from './access.service';

export const ACCESS_RULE = 'rapportflode:access-rule';

/**
 * Where the resource of a request sits: a scope; several scopes that must all be covered (a
 * person with roles in several places); 'anywhere' (a list, filtered by the service, or a
 * target the service checks itself); or null when the resource does not exist (404).
 */
export type ScopeResolver = (
  request: Request,
  access: AccessService,
) => Promise<ResourceScope | ResourceScope[] | 'anywhere' | null>;

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; action: Action; target: 'anywhere' | 'resource'; resolve: ScopeResolver };

/**
 * Every route declares one of these (deny by default: a route without one stops the boot,
 * see RouteCatalog, and fails the authorization matrix test).
 */
export const Access = {
  /** Anyone, signed in or not (sign-in itself, health). */
  public: () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  /** Anyone signed in, whatever their roles (their own session). */
  signedIn: () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule),
  /** A permission somewhere: the service filters what it returns to the person's scopes. */
  anywhere: (action: Action) =>
    SetMetadata(ACCESS_RULE, {
      kind: 'permission',
      action,
      target: 'anywhere',
      resolve: async () => 'anywhere',
    } satisfies AccessRule),
  /** A permission on the resource the request names. */
  on: (action: Action, resolve: ScopeResolver) =>
    SetMetadata(ACCESS_RULE, { kind: 'permission', action, target: 'resource', resolve } satisfies AccessRule),
};
