import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  NotificationSettingsDto,
  UpdateNotificationSettingsRequest,
  API_PATHS,
  ApiErrorResponse,
  AssignRoleRequest,
  AuditListResponse,
  AuthOptionsResponse,
  CreateCommentRequest,
  CreateCycleRequest,
  CycleListResponse,
  CycleOverviewDto,
  CycleSummaryDto,
  economyImportsPath,
  EconomyImportListResponse,
  EconomyImportMapping,
  EconomyImportPreviewDto,
  EconomyImportResultDto,
  NotificationListResponse,
  ReportTemplateDto,
  SaveContentRequest,
  SaveContentResponse,
  SaveTemplateRequest,
  TaskCommentDto,
  TaskDiffDto,
  TaskDto,
  TaskListResponse,
  TemplateListResponse,
  TransitionRequest,
  UpdateCycleRequest,
  UpdateTaskRequest,
  CreateUnitRequest,
  CreateUserRequest,
  HealthResponse,
  ImportResponse,
  LoginRequest,
  memoPath,
  MemoDto,
  MemoTransitionRequest,
  RedraftEconomyRequest,
  SaveMemoRequest,
  SaveMemoResponse,
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

  // Templates
  listTemplates(): Observable<TemplateListResponse> {
    return this.http.get<TemplateListResponse>(API_PATHS.templates);
  }
  getTemplate(id: string): Observable<ReportTemplateDto> {
    return this.http.get<ReportTemplateDto>(`${API_PATHS.templates}/${id}`);
  }
  createTemplate(body: SaveTemplateRequest): Observable<ReportTemplateDto> {
    return this.http.post<ReportTemplateDto>(API_PATHS.templates, body);
  }
  updateTemplate(id: string, body: SaveTemplateRequest): Observable<ReportTemplateDto> {
    return this.http.put<ReportTemplateDto>(`${API_PATHS.templates}/${id}`, body);
  }

  // Report cycles
  listCycles(): Observable<CycleListResponse> {
    return this.http.get<CycleListResponse>(API_PATHS.cycles);
  }
  createCycle(body: CreateCycleRequest): Observable<CycleSummaryDto> {
    return this.http.post<CycleSummaryDto>(API_PATHS.cycles, body);
  }
  cycleOverview(id: string, filter = 'all'): Observable<CycleOverviewDto> {
    return this.http.get<CycleOverviewDto>(`${API_PATHS.cycles}/${id}`, { params: { filter } });
  }
  updateCycle(id: string, body: UpdateCycleRequest): Observable<CycleSummaryDto> {
    return this.http.patch<CycleSummaryDto>(`${API_PATHS.cycles}/${id}`, body);
  }

  // Economy figures from the finance system (multipart: the file, the mapping as JSON, the unit of a file without a unit column)
  economyImports(cycleId: string, sectionId: string): Observable<EconomyImportListResponse> {
    return this.http.get<EconomyImportListResponse>(economyImportsPath(cycleId, sectionId));
  }
  previewEconomyImport(cycleId: string, sectionId: string, file: File, mapping?: EconomyImportMapping, unitId?: string): Observable<EconomyImportPreviewDto> {
    return this.http.post<EconomyImportPreviewDto>(`${economyImportsPath(cycleId, sectionId)}/preview`, importForm(file, mapping, unitId));
  }
  commitEconomyImport(cycleId: string, sectionId: string, file: File, mapping: EconomyImportMapping, unitId?: string): Observable<EconomyImportResultDto> {
    return this.http.post<EconomyImportResultDto>(economyImportsPath(cycleId, sectionId), importForm(file, mapping, unitId));
  }

  // Tasks
  myTasks(): Observable<TaskListResponse> {
    return this.http.get<TaskListResponse>(API_PATHS.myTasks);
  }
  reviewQueue(): Observable<TaskListResponse> {
    return this.http.get<TaskListResponse>(API_PATHS.reviewQueue);
  }
  getTask(id: string): Observable<TaskDto> {
    return this.http.get<TaskDto>(`${API_PATHS.tasks}/${id}`);
  }
  saveContent(id: string, body: SaveContentRequest): Observable<SaveContentResponse> {
    return this.http.put<SaveContentResponse>(`${API_PATHS.tasks}/${id}/content`, body);
  }
  transition(id: string, body: TransitionRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>(`${API_PATHS.tasks}/${id}/transitions`, body);
  }
  updateTask(id: string, body: UpdateTaskRequest): Observable<TaskDto> {
    return this.http.patch<TaskDto>(`${API_PATHS.tasks}/${id}`, body);
  }
  taskDiff(id: string, from?: number, to?: number): Observable<TaskDiffDto> {
    const params: Record<string, string> = {};
    if (from !== undefined) params['from'] = String(from);
    if (to !== undefined) params['to'] = String(to);
    return this.http.get<TaskDiffDto>(`${API_PATHS.tasks}/${id}/diff`, { params });
  }
  addComment(id: string, body: CreateCommentRequest): Observable<TaskCommentDto> {
    return this.http.post<TaskCommentDto>(`${API_PATHS.tasks}/${id}/comments`, body);
  }
  setCommentResolved(id: string, commentId: string, resolved: boolean): Observable<TaskCommentDto> {
    return this.http.patch<TaskCommentDto>(`${API_PATHS.tasks}/${id}/comments/${commentId}`, { resolved });
  }

  // The cycle's memo (tjänsteskrivelse)
  getMemo(cycleId: string): Observable<MemoDto> {
    return this.http.get<MemoDto>(memoPath(cycleId));
  }
  /** A stale version answers 409 with a MemoConflictResponse body. */
  saveMemoContent(cycleId: string, body: SaveMemoRequest): Observable<SaveMemoResponse> {
    return this.http.put<SaveMemoResponse>(memoPath(cycleId, '/content'), body);
  }
  memoTransition(cycleId: string, body: MemoTransitionRequest): Observable<MemoDto> {
    return this.http.post<MemoDto>(memoPath(cycleId, '/transitions'), body);
  }
  redraftMemoEconomy(cycleId: string, body: RedraftEconomyRequest): Observable<MemoDto> {
    return this.http.post<MemoDto>(memoPath(cycleId, '/redraft-economy'), body);
  }

  // In-app notifications
  notifications(): Observable<NotificationListResponse> {
    return this.http.get<NotificationListResponse>(API_PATHS.notifications);
  }
  markNotificationsRead(ids?: string[]): Observable<void> {
    return this.http.post<void>(API_PATHS.notificationsRead, ids ? { ids } : {});
  }
  notificationSettings(): Observable<NotificationSettingsDto> {
    return this.http.get<NotificationSettingsDto>(API_PATHS.notificationSettings);
  }
  updateNotificationSettings(body: UpdateNotificationSettingsRequest): Observable<NotificationSettingsDto> {
    return this.http.put<NotificationSettingsDto>(API_PATHS.notificationSettings, body);
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
function importForm(file: File, mapping?: EconomyImportMapping, unitId?: string): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (unitId) form.append('unitId', unitId);
  return form;
}

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
