import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Action } from '@rapportflode/domain';
import { AuthService } from './auth.service';
import { safeReturnPath, SIGN_IN_PATH } from './return-path';

/** Signed-in pages: otherwise to the sign-in page, coming back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const user = await auth.ensureLoaded();
  return user ? true : router.createUrlTree([SIGN_IN_PATH], { queryParams: { tillbaka: safeReturnPath(state.url) } });
};

/** Pages for those who may do an action somewhere (the server still checks every request). */
export const allowedGuard =
  (action: Action): CanActivateFn =>
  async () => {
    const auth = inject(AuthService);
    const router = inject(Router);
    await auth.ensureLoaded();
    return auth.can(action) ? true : router.createUrlTree(['/']);
  };

/** The sign-in page: a signed-in person goes straight on. */
export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return (await auth.ensureLoaded()) ? router.createUrlTree(['/']) : true;
};
