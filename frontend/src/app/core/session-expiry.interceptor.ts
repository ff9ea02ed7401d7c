import { HttpErrorResponse, HttpEventType, HttpInterceptorFn, HttpRequest, HttpXsrfTokenExtractor } from '@angular/common/http';
import { inject } from '@angular/core';
import { AUTH_API, endpointPath } from '@rapportflode/api-contract';
import { catchError, from, switchMap, tap, throwError } from 'rxjs';
import { AuthService } from './auth.service';
import { SessionKeeper } from './session-keeper';

const XSRF_HEADER = 'X-XSRF-TOKEN';

/**
 * Every answer of the server counts as activity (the idle warning starts again). A 401 on any
 * call but the session check, sign-in and sign-out means the session ended while the person was
 * signed in: the sign-in dialog opens over the page, and the request waits and is sent again
 * once they have signed in (a 401 means the server did nothing, so sending it again is safe).
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const keeper = inject(SessionKeeper);
  const xsrf = inject(HttpXsrfTokenExtractor);
  // The session check, sign-in and sign-out answer 401 to their callers (signing out of an ended session needs no sign-in).
  const ownCheck = [AUTH_API.me, AUTH_API.login, AUTH_API.logout].some((endpoint) => request.url === endpointPath(endpoint, {}));
  return next(request).pipe(
    tap({
      next: (event) => {
        if (event.type === HttpEventType.Response && auth.signedIn()) keeper.activity();
      },
    }),
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !ownCheck && auth.signedIn()) {
        return from(keeper.sessionEnded()).pipe(
          switchMap((samePerson) => (samePerson ? next(withFreshXsrf(request, xsrf)) : throwError(() => error))),
        );
      }
      return throwError(() => error);
    }),
  );
};

/** Signing in again gave a new CSRF token: a held write carries the new one. */
function withFreshXsrf<T>(request: HttpRequest<T>, xsrf: HttpXsrfTokenExtractor): HttpRequest<T> {
  const token = xsrf.getToken();
  return request.headers.has(XSRF_HEADER) && token ? request.clone({ setHeaders: { [XSRF_HEADER]: token } }) : request;
}
