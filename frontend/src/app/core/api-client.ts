import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API_PATHS,
  ApiErrorResponse,
  AssignRoleRequest,
  AuditListResponse,
  AuthOptionsResponse,
  CreateUnitRequest,
  CreateUserRequest,
  HealthResponse,
  ImportResponse,
  LoginRequest,
  OrganisationResponse,
  PasswordResetConfirmRequest,
  SessionResponse,
  UnitDto,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserDto,
  UserListResponse,
} from '@rapportflode/api-contract';
import { catchError, Observable, of } from 'rxjs';

export interface AuditFilter {
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

/**
 * The one typed client of the backend; shapes come from libs/api-contract. Writes carry the
 * CSRF token automatically (Angular's XSRF support echoes the XSRF-TOKEN cookie).
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  // Sign-in
  authOptions(): Observable<AuthOptionsResponse> {
    return this.http.get<AuthOptionsResponse>(API_PATHS.auth.options);
  }
  login(body: LoginRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(API_PATHS.auth.login, body);
  }
  logout(): Observable<void> {
    return this.http.post<void>(API_PATHS.auth.logout, {});
  }
  me(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>(API_PATHS.auth.me);
  }
  requestPasswordReset(email: string): Observable<{ message: string }> {
    return this.http.post<{ message: string }>(API_PATHS.auth.passwordReset, { email });
  }
  confirmPasswordReset(body: PasswordResetConfirmRequest): Observable<void> {
    return this.http.post<void>(API_PATHS.auth.passwordResetConfirm, body);
  }

  // Organisation
  getOrganisation(): Observable<OrganisationResponse> {
    return this.http.get<OrganisationResponse>(API_PATHS.organisation);
  }
  createUnit(body: CreateUnitRequest): Observable<UnitDto> {
    return this.http.post<UnitDto>(API_PATHS.units, body);
  }
  updateUnit(id: string, body: UpdateUnitRequest): Observable<UnitDto> {
    return this.http.patch<UnitDto>(`${API_PATHS.units}/${id}`, body);
  }
  importOrganisation(file: File, dryRun: boolean): Observable<ImportResponse> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportResponse>(`${API_PATHS.organisationImport}?dryRun=${dryRun}`, form);
  }

  // People and roles
  listUsers(): Observable<UserListResponse> {
    return this.http.get<UserListResponse>(API_PATHS.users);
  }
  createUser(body: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>(API_PATHS.users, body);
  }
  updateUser(id: string, body: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`${API_PATHS.users}/${id}`, body);
  }
  revokeSessions(id: string): Observable<{ revoked: number }> {
    return this.http.delete<{ revoked: number }>(`${API_PATHS.users}/${id}/sessions`);
  }
  assignRole(id: string, body: AssignRoleRequest): Observable<UserDto> {
    return this.http.post<UserDto>(`${API_PATHS.users}/${id}/roles`, body);
  }
  removeRole(id: string, assignmentId: string): Observable<UserDto> {
    return this.http.delete<UserDto>(`${API_PATHS.users}/${id}/roles/${assignmentId}`);
  }

  // Audit
  audit(filter: AuditFilter): Observable<AuditListResponse> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params[key] = String(value);
    return this.http.get<AuditListResponse>(API_PATHS.audit, { params });
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
    if (body && typeof body.message === 'string') {
      return body.details?.length ? `${body.message} ${body.details.join(' ')}` : body.message;
    }
    if (error.status === 0) return 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.';
  }
  return 'Ett oväntat fel inträffade. Försök igen om en stund.';
}
