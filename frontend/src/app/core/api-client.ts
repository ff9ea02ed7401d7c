import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PATHS, ApiErrorResponse, HealthResponse, OrganisationResponse } from '@rapportflode/api-contract';
import { catchError, Observable, of } from 'rxjs';

/** The one typed client of the backend; shapes come from libs/api-contract. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  getOrganisation(): Observable<OrganisationResponse> {
    return this.http.get<OrganisationResponse>(API_PATHS.organisation);
  }

  /** The health report; a 503 still carries the report, so it is returned rather than thrown. */
  getHealth(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>(API_PATHS.health).pipe(
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 503 && error.error?.details) {
          return of(error.error as HealthResponse);
        }
        throw error;
      }),
    );
  }
}

/** A Swedish sentence for any error the client met: the server's own message where it sent one. */
export function errorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as Partial<ApiErrorResponse> | null;
    if (body && typeof body.message === 'string') return body.message;
    if (error.status === 0) return 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.';
  }
  return 'Ett oväntat fel inträffade. Försök igen om en stund.';
}
