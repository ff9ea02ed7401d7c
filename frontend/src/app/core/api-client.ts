import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AssignRoleRequest,
  AUDIT_API,
  AuditListResponse,
  AuditQuery,
  AUTH_API,
  AuthOptionsResponse,
  CreateCommentRequest,
  CreateCycleRequest,
  CreateUnitRequest,
  CreateUserRequest,
  CYCLES_API,
  CycleListResponse,
  CycleOverviewDto,
  CycleSummaryDto,
  ECONOMY_IMPORT_API,
  EconomyImportListResponse,
  EconomyImportMapping,
  EconomyImportPreviewDto,
  EconomyImportResultDto,
  Endpoint,
  endpointPath,
  endpointUrl,
  HEALTH_API,
  HealthResponse,
  ImportResponse,
  LoginRequest,
  MEMO_API,
  MEMO_QUEUE_API,
  MemoDocumentFormat,
  MemoDto,
  MemoReviewQueueResponse,
  MemoTransitionRequest,
  NOTIFICATIONS_API,
  NotificationListResponse,
  NotificationSettingsDto,
  ORGANISATION_API,
  OrganisationResponse,
  PasswordResetConfirmRequest,
  PathParams,
  queryEntries,
  RedraftEconomyRequest,
  REPORT_API,
  ReportDocumentQuery,
  ReportStatusDto,
  ReportTemplateDto,
  ReportVersionDto,
  FreezeReportRequest,
  SaveContentRequest,
  SaveContentResponse,
  SaveMemoRequest,
  SaveMemoResponse,
  SaveTemplateRequest,
  SessionResponse,
  TASKS_API,
  TaskCommentDto,
  TaskDiffDto,
  TaskDto,
  TaskListResponse,
  TEMPLATES_API,
  TemplateListResponse,
  TransitionRequest,
  UNITS_API,
  UnitDto,
  UpdateCycleRequest,
  UpdateNotificationSettingsRequest,
  UpdateTaskRequest,
  RemindTaskResponse,
  UserListQuery,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserDto,
  USERS_API,
  UserListResponse,
  ApiErrorResponse,
} from '@rapportflode/api-contract';
import { catchError, Observable, of } from 'rxjs';

/** The audit page's filter: the query of GET /api/audit. */
export type AuditFilter = AuditQuery;

/**
 * The one typed client of the backend. Every request is built by `call` from an endpoint declared
 * in libs/api-contract/src/lib/endpoints.ts (method, path, body, response and query types). Writes
 * carry the CSRF token automatically (Angular's XSRF support echoes the XSRF-TOKEN cookie).
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  /** A request to a declared endpoint: its params fill the path, undefined query parameters are left out. */
  call<P extends string, Req, Res, Q>(
    endpoint: Endpoint<P, Req, Res, Q>,
    params: PathParams<P>,
    body?: NoInfer<Req>,
    query?: NoInfer<Q>,
  ): Observable<Res> {
    return this.http.request<Res>(endpoint.method, endpointPath(endpoint, params), {
      body: body ?? null,
      params: Object.fromEntries(queryEntries(query ?? undefined)),
    });
  }

  // Sign-in
  authOptions(): Observable<AuthOptionsResponse> {
    return this.call(AUTH_API.options, {});
  }
  login(body: LoginRequest): Observable<SessionResponse> {
    return this.call(AUTH_API.login, {}, body);
  }
  logout(): Observable<void> {
    return this.call(AUTH_API.logout, {}, {});
  }
  me(): Observable<SessionResponse> {
    return this.call(AUTH_API.me, {});
  }
  requestPasswordReset(email: string): Observable<{ message: string }> {
    return this.call(AUTH_API.passwordReset, {}, { email });
  }
  confirmPasswordReset(body: PasswordResetConfirmRequest): Observable<void> {
    return this.call(AUTH_API.passwordResetConfirm, {}, body);
  }

  // Organisation
  getOrganisation(): Observable<OrganisationResponse> {
    return this.call(ORGANISATION_API.get, {});
  }
  createUnit(body: CreateUnitRequest): Observable<UnitDto> {
    return this.call(UNITS_API.create, {}, body);
  }
  updateUnit(id: string, body: UpdateUnitRequest): Observable<UnitDto> {
    return this.call(UNITS_API.update, { id }, body);
  }
  importOrganisation(file: File, dryRun: boolean): Observable<ImportResponse> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.call(ORGANISATION_API.import, {}, form, { dryRun });
  }

  // People and roles
  listUsers(query: UserListQuery = {}): Observable<UserListResponse> {
    return this.call(USERS_API.list, {}, undefined, query);
  }
  createUser(body: CreateUserRequest): Observable<UserDto> {
    return this.call(USERS_API.create, {}, body);
  }
  updateUser(id: string, body: UpdateUserRequest): Observable<UserDto> {
    return this.call(USERS_API.update, { id }, body);
  }
  revokeSessions(id: string): Observable<{ revoked: number }> {
    return this.call(USERS_API.revokeSessions, { id });
  }
  assignRole(id: string, body: AssignRoleRequest): Observable<UserDto> {
    return this.call(USERS_API.assignRole, { id }, body);
  }
  removeRole(id: string, assignmentId: string): Observable<UserDto> {
    return this.call(USERS_API.removeRole, { id, assignmentId });
  }

  // Templates
  listTemplates(): Observable<TemplateListResponse> {
    return this.call(TEMPLATES_API.list, {});
  }
  getTemplate(id: string): Observable<ReportTemplateDto> {
    return this.call(TEMPLATES_API.get, { id });
  }
  createTemplate(body: SaveTemplateRequest): Observable<ReportTemplateDto> {
    return this.call(TEMPLATES_API.create, {}, body);
  }
  updateTemplate(id: string, body: SaveTemplateRequest): Observable<ReportTemplateDto> {
    return this.call(TEMPLATES_API.update, { id }, body);
  }

  // Report cycles
  listCycles(): Observable<CycleListResponse> {
    return this.call(CYCLES_API.list, {});
  }
  createCycle(body: CreateCycleRequest): Observable<CycleSummaryDto> {
    return this.call(CYCLES_API.create, {}, body);
  }
  cycleOverview(id: string, filter = 'all'): Observable<CycleOverviewDto> {
    return this.call(CYCLES_API.overview, { id }, undefined, { filter });
  }
  updateCycle(id: string, body: UpdateCycleRequest): Observable<CycleSummaryDto> {
    return this.call(CYCLES_API.update, { id }, body);
  }

  // Economy figures from the finance system (multipart: the file, the mapping as JSON, the unit of a file without a unit column)
  economyImports(cycleId: string, sectionId: string): Observable<EconomyImportListResponse> {
    return this.call(ECONOMY_IMPORT_API.list, { cycleId, sectionId });
  }
  previewEconomyImport(cycleId: string, sectionId: string, file: File, mapping?: EconomyImportMapping, unitId?: string): Observable<EconomyImportPreviewDto> {
    return this.call(ECONOMY_IMPORT_API.preview, { cycleId, sectionId }, importForm(file, mapping, unitId));
  }
  commitEconomyImport(cycleId: string, sectionId: string, file: File, mapping: EconomyImportMapping, unitId?: string): Observable<EconomyImportResultDto> {
    return this.call(ECONOMY_IMPORT_API.commit, { cycleId, sectionId }, importForm(file, mapping, unitId));
  }

  // Tasks
  myTasks(): Observable<TaskListResponse> {
    return this.call(TASKS_API.mine, {});
  }
  reviewQueue(): Observable<TaskListResponse> {
    return this.call(TASKS_API.reviewQueue, {});
  }
  getTask(id: string): Observable<TaskDto> {
    return this.call(TASKS_API.get, { id });
  }
  saveContent(id: string, body: SaveContentRequest): Observable<SaveContentResponse> {
    return this.call(TASKS_API.saveContent, { id }, body);
  }
  transition(id: string, body: TransitionRequest): Observable<TaskDto> {
    return this.call(TASKS_API.transition, { id }, body);
  }
  updateTask(id: string, body: UpdateTaskRequest): Observable<TaskDto> {
    return this.call(TASKS_API.update, { id }, body);
  }
  remindTask(id: string): Observable<RemindTaskResponse> {
    return this.call(TASKS_API.remind, { id }, undefined);
  }
  taskDiff(id: string, from?: number, to?: number): Observable<TaskDiffDto> {
    return this.call(TASKS_API.diff, { id }, undefined, { from, to });
  }
  addComment(id: string, body: CreateCommentRequest): Observable<TaskCommentDto> {
    return this.call(TASKS_API.addComment, { id }, body);
  }
  setCommentResolved(id: string, commentId: string, resolved: boolean): Observable<TaskCommentDto> {
    return this.call(TASKS_API.updateComment, { id, commentId }, { resolved });
  }

  // The cycle's memo (tjänsteskrivelse)
  /** The submitted memos the caller may review (Att granska). */
  memoReviewQueue(): Observable<MemoReviewQueueResponse> {
    return this.call(MEMO_QUEUE_API.reviewQueue, {});
  }
  getMemo(cycleId: string): Observable<MemoDto> {
    return this.call(MEMO_API.get, { cycleId });
  }
  /** A stale version answers 409 with a MemoConflictResponse body. */
  saveMemoContent(cycleId: string, body: SaveMemoRequest): Observable<SaveMemoResponse> {
    return this.call(MEMO_API.saveContent, { cycleId }, body);
  }
  memoTransition(cycleId: string, body: MemoTransitionRequest): Observable<MemoDto> {
    return this.call(MEMO_API.transition, { cycleId }, body);
  }
  redraftMemoEconomy(cycleId: string, body: RedraftEconomyRequest): Observable<MemoDto> {
    return this.call(MEMO_API.redraftEconomy, { cycleId }, body);
  }
  /** The memo as a file, for a download link. */
  memoDocumentUrl(cycleId: string, format: MemoDocumentFormat): string {
    return endpointUrl(MEMO_API.document, { cycleId }, { format });
  }

  // The assembled report
  reportStatus(cycleId: string): Observable<ReportStatusDto> {
    return this.call(REPORT_API.status, { cycleId });
  }
  freezeReport(cycleId: string, body: FreezeReportRequest): Observable<ReportVersionDto> {
    return this.call(REPORT_API.freeze, { cycleId }, body);
  }
  /** The draft (no version) or a frozen version as a file, for a download link or the preview frame. */
  reportDocumentUrl(cycleId: string, query: ReportDocumentQuery): string {
    return endpointUrl(REPORT_API.document, { cycleId }, query);
  }

  // In-app notifications
  notifications(): Observable<NotificationListResponse> {
    return this.call(NOTIFICATIONS_API.list, {});
  }
  markNotificationsRead(ids?: string[]): Observable<void> {
    return this.call(NOTIFICATIONS_API.markRead, {}, ids ? { ids } : {});
  }
  notificationSettings(): Observable<NotificationSettingsDto> {
    return this.call(NOTIFICATIONS_API.settings, {});
  }
  updateNotificationSettings(body: UpdateNotificationSettingsRequest): Observable<NotificationSettingsDto> {
    return this.call(NOTIFICATIONS_API.updateSettings, {}, body);
  }

  // Audit
  audit(filter: AuditFilter): Observable<AuditListResponse> {
    const set = Object.entries(filter).filter(([, value]) => value !== '');
    return this.call(AUDIT_API.list, {}, undefined, Object.fromEntries(set) as AuditQuery);
  }

  /** The health report; a 503 still carries the report, so it is returned rather than thrown. */
  getHealth(): Observable<HealthResponse> {
    return this.call(HEALTH_API.get, {}).pipe(
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 503 && error.error?.details) {
          return of(error.error as HealthResponse);
        }
        throw error;
      }),
    );
  }
}

function importForm(file: File, mapping?: EconomyImportMapping, unitId?: string): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (unitId) form.append('unitId', unitId);
  return form;
}

/** The record asked for does not exist, or the id is not one (404, or 400 for a malformed id). */
export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
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
