import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { AUTH_API, endpointPath } from '@rapportflode/api-contract';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** A 401 on any call but the session check itself means the session ended: back to sign-in. */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const ownCheck = request.url === endpointPath(AUTH_API.me, {}) || request.url === endpointPath(AUTH_API.login, {});
      if (error instanceof HttpErrorResponse && error.status === 401 && !ownCheck) {
        auth.forget();
        void router.navigate(['/logga-in'], { queryParams: { tillbaka: router.url, utgangen: 1 } });
      }
      return throwError(() => error);
    }),
  );
};
