/**
 * Every endpoint of the API, declared once: one object per controller (its base path and its
 * endpoints). The backend's controllers take their `@Controller(...)`/`@Get(...)` paths from these
 * objects; the frontend's ApiClient and OperationsApi build their requests from them; the route
 * catalog test (test/integration/authorization-matrix.spec.ts) checks that the running
 * application serves exactly these routes.
 */
import type {
  AssignRoleRequest,
  AuditListResponse,
  CreateUnitRequest,
  CreateUserRequest,
  ImportResponse,
  UnitDto,
  UpdateUnitRequest,
  UpdateUserRequest,
  UserDto,
  UserListResponse,
  UserListQuery,
} from './admin';
import type { AuthOptionsResponse, LoginRequest, PasswordResetConfirmRequest, PasswordResetRequest, SessionResponse } from './auth';
import type { HealthResponse } from './common';
import type {
  CreateCommentRequest,
  CreateCycleRequest,
  CycleListResponse,
  CycleOverviewDto,
  CycleSummaryDto,
  MarkNotificationsReadRequest,
  NotificationListResponse,
  NotificationSettingsDto,
  SaveContentRequest,
  SaveContentResponse,
  SaveTemplateRequest,
  TaskCommentDto,
  TaskDiffDto,
  TaskDto,
  TaskListResponse,
  TransitionRequest,
  UpdateCommentRequest,
  UpdateCycleRequest,
  UpdateNotificationSettingsRequest,
  UpdateTaskRequest,
  RemindTaskResponse,
} from './cycles';
import type { EconomyImportListResponse, EconomyImportPreviewDto, EconomyImportResultDto } from './economy-import';
import { area, endpoint, endpointsOf, type Endpoint } from './endpoint';
import type { MemoDocumentFormat, MemoDto, MemoReviewQueueResponse, MemoTransitionRequest, RedraftEconomyRequest, SaveMemoRequest, SaveMemoResponse } from './memos';
import type {
  CapturedMailListResponse,
  InstallationSettingsDto,
  QueueJobListResponse,
  QueueJobRetryResponse,
  QueueJobState,
  QueueListResponse,
  ReminderFailureListResponse,
  UpdateInstallationSettingsRequest,
} from './operations';
import type {
  AbsenceRequest,
  CreateMeetingRequest,
  DeleteRequest,
  KallelseFormat,
  MeetingDto,
  MeetingListResponse,
  MeetingSettingsDto,
  MemberNoteRequest,
  MyMeetingsResponse,
  OrderAgendaRequest,
  PublicCommitteeDto,
  PublicMeetingDto,
  PublicMeetingListResponse,
  ResolveScanHitRequest,
  SaveAgendaItemRequest,
  SendKallelseRequest,
  UpdateDocumentRequest,
  UpdateMeetingRequest,
  UpdateMeetingSettingsRequest,
} from './meetings';
import type { OrganisationResponse } from './organisation';
import type { FreezeReportRequest, ReportAppendixListResponse, ReportFormat, ReportStatusDto, ReportVersionDto, UpdateReportAppendixRequest } from './reports';
import type { ReportTemplateDto, TemplateListResponse } from './templates';

/** A POST without a meaningful body: the client sends `{}`. */
export type EmptyBody = Record<string, never>;

/** A file the browser fetches itself (a link or a frame): build its address with endpointUrl. */
export type FileDownload = Blob;

/** A multipart form: the file and its fields. */
export type Upload = FormData;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export const AUTH_API = area('/auth', {
  options: endpoint('GET', '/auth/options').of<void, AuthOptionsResponse>(),
  login: endpoint('POST', '/auth/login').of<LoginRequest, SessionResponse>(),
  logout: endpoint('POST', '/auth/logout').of<EmptyBody, void>(),
  me: endpoint('GET', '/auth/me').of<void, SessionResponse>(),
  passwordReset: endpoint('POST', '/auth/password-reset').of<PasswordResetRequest, { message: string }>(),
  passwordResetConfirm: endpoint('POST', '/auth/password-reset/confirm').of<PasswordResetConfirmRequest, void>(),
  /** The browser goes here (a link) and is redirected to the identity provider. */
  oidcLogin: endpoint('GET', '/auth/oidc/login').of<void, void>(),
  /** The identity provider sends the browser back here (a redirect). */
  oidcCallback: endpoint('GET', '/auth/oidc/callback').of<void, void>(),
});

export interface OrganisationImportQuery {
  /** true: check and show what would change, store nothing. */
  dryRun: boolean;
}

export const ORGANISATION_API = area('/organisation', {
  get: endpoint('GET', '/organisation').of<void, OrganisationResponse>(),
  /** Multipart: the file. */
  import: endpoint('POST', '/organisation/import').of<Upload, ImportResponse, OrganisationImportQuery>(),
});

export const UNITS_API = area('/units', {
  create: endpoint('POST', '/units').of<CreateUnitRequest, UnitDto>(),
  update: endpoint('PATCH', '/units/:id').of<UpdateUnitRequest, UnitDto>(),
});

export const USERS_API = area('/users', {
  list: endpoint('GET', '/users').of<void, UserListResponse, UserListQuery>(),
  create: endpoint('POST', '/users').of<CreateUserRequest, UserDto>(),
  update: endpoint('PATCH', '/users/:id').of<UpdateUserRequest, UserDto>(),
  revokeSessions: endpoint('DELETE', '/users/:id/sessions').of<void, { revoked: number }>(),
  assignRole: endpoint('POST', '/users/:id/roles').of<AssignRoleRequest, UserDto>(),
  removeRole: endpoint('DELETE', '/users/:id/roles/:assignmentId').of<void, UserDto>(),
});

export interface AuditQuery {
  entityType?: string;
  action?: string;
  actorId?: string;
  /** ÅÅÅÅ-MM-DD */
  from?: string;
  /** ÅÅÅÅ-MM-DD */
  to?: string;
  page?: number;
  pageSize?: number;
}

export const AUDIT_API = area('/audit', {
  list: endpoint('GET', '/audit').of<void, AuditListResponse, AuditQuery>(),
});

export const TEMPLATES_API = area('/templates', {
  list: endpoint('GET', '/templates').of<void, TemplateListResponse>(),
  get: endpoint('GET', '/templates/:id').of<void, ReportTemplateDto>(),
  create: endpoint('POST', '/templates').of<SaveTemplateRequest, ReportTemplateDto>(),
  update: endpoint('PUT', '/templates/:id').of<SaveTemplateRequest, ReportTemplateDto>(),
});

export interface CycleOverviewQuery {
  /** An OverviewFilter; 'all' when absent. */
  filter?: string;
}

export const CYCLES_API = area('/cycles', {
  list: endpoint('GET', '/cycles').of<void, CycleListResponse>(),
  create: endpoint('POST', '/cycles').of<CreateCycleRequest, CycleSummaryDto>(),
  overview: endpoint('GET', '/cycles/:id').of<void, CycleOverviewDto, CycleOverviewQuery>(),
  update: endpoint('PATCH', '/cycles/:id').of<UpdateCycleRequest, CycleSummaryDto>(),
});

export interface TaskDiffQuery {
  /** The content versions to compare. */
  from?: number;
  to?: number;
}

export const TASKS_API = area('/tasks', {
  mine: endpoint('GET', '/tasks/mine').of<void, TaskListResponse>(),
  reviewQueue: endpoint('GET', '/tasks/review-queue').of<void, TaskListResponse>(),
  get: endpoint('GET', '/tasks/:id').of<void, TaskDto>(),
  saveContent: endpoint('PUT', '/tasks/:id/content').of<SaveContentRequest, SaveContentResponse>(),
  transition: endpoint('POST', '/tasks/:id/transitions').of<TransitionRequest, TaskDto>(),
  update: endpoint('PATCH', '/tasks/:id').of<UpdateTaskRequest, TaskDto>(),
  remind: endpoint('POST', '/tasks/:id/remind').of<void, RemindTaskResponse>(),
  diff: endpoint('GET', '/tasks/:id/diff').of<void, TaskDiffDto, TaskDiffQuery>(),
  addComment: endpoint('POST', '/tasks/:id/comments').of<CreateCommentRequest, TaskCommentDto>(),
  updateComment: endpoint('PATCH', '/tasks/:id/comments/:commentId').of<UpdateCommentRequest, TaskCommentDto>(),
});

/** Multipart: the file, the mapping as JSON, the unit of a file without a unit column. */
export const ECONOMY_IMPORT_API = area('/cycles/:cycleId/sections/:sectionId/economy-imports', {
  list: endpoint('GET', '/cycles/:cycleId/sections/:sectionId/economy-imports').of<void, EconomyImportListResponse>(),
  preview: endpoint('POST', '/cycles/:cycleId/sections/:sectionId/economy-imports/preview').of<Upload, EconomyImportPreviewDto>(),
  commit: endpoint('POST', '/cycles/:cycleId/sections/:sectionId/economy-imports').of<Upload, EconomyImportResultDto>(),
});

export interface MemoDocumentQuery {
  /** html when absent */
  format?: MemoDocumentFormat;
}

/** The submitted tjänsteskrivelser the caller may review (shown under Att granska beside the tasks). */
export const MEMO_QUEUE_API = area('/memos', {
  reviewQueue: endpoint('GET', '/memos/review-queue').of<void, MemoReviewQueueResponse>(),
});

export const MEMO_API = area('/cycles/:cycleId/memo', {
  get: endpoint('GET', '/cycles/:cycleId/memo').of<void, MemoDto>(),
  /** A stale version answers 409 with a MemoConflictResponse. */
  saveContent: endpoint('PUT', '/cycles/:cycleId/memo/content').of<SaveMemoRequest, SaveMemoResponse>(),
  transition: endpoint('POST', '/cycles/:cycleId/memo/transitions').of<MemoTransitionRequest, MemoDto>(),
  redraftEconomy: endpoint('POST', '/cycles/:cycleId/memo/redraft-economy').of<RedraftEconomyRequest, MemoDto>(),
  document: endpoint('GET', '/cycles/:cycleId/memo/document').of<void, FileDownload, MemoDocumentQuery>(),
});

export interface ReportDocumentQuery {
  format: ReportFormat;
  /** A frozen version; the draft when absent. */
  version?: number;
  /** The table of a csv download. */
  table?: string;
}

export const REPORT_API = area('/cycles/:cycleId/report', {
  status: endpoint('GET', '/cycles/:cycleId/report').of<void, ReportStatusDto>(),
  /** Fastställ: a new frozen version. */
  freeze: endpoint('POST', '/cycles/:cycleId/report/versions').of<FreezeReportRequest, ReportVersionDto>(),
  document: endpoint('GET', '/cycles/:cycleId/report/document').of<void, FileDownload, ReportDocumentQuery>(),
  /** The uploaded PDF bilagor (report-appendices.controller.ts). */
  appendices: endpoint('GET', '/cycles/:cycleId/report/appendices').of<void, ReportAppendixListResponse>(),
  /** multipart: file (PDF), title? */
  uploadAppendix: endpoint('POST', '/cycles/:cycleId/report/appendices').of<Upload, ReportAppendixListResponse>(),
  updateAppendix: endpoint('PUT', '/cycles/:cycleId/report/appendices/:appendixId').of<UpdateReportAppendixRequest, ReportAppendixListResponse>(),
  deleteAppendix: endpoint('POST', '/cycles/:cycleId/report/appendices/:appendixId/delete').of<EmptyBody, ReportAppendixListResponse>(),
  appendixFile: endpoint('GET', '/cycles/:cycleId/report/appendices/:appendixId/file').of<void, FileDownload>(),
});

export const NOTIFICATIONS_API = area('/notifications', {
  list: endpoint('GET', '/notifications').of<void, NotificationListResponse>(),
  markRead: endpoint('POST', '/notifications/read').of<MarkNotificationsReadRequest, void>(),
  settings: endpoint('GET', '/notifications/settings').of<void, NotificationSettingsDto>(),
  updateSettings: endpoint('PUT', '/notifications/settings').of<UpdateNotificationSettingsRequest, NotificationSettingsDto>(),
});

export const HEALTH_API = area('/health', {
  /** 503 with the same body when a dependency is down. */
  get: endpoint('GET', '/health').of<void, HealthResponse>(),
});

export interface QueueJobListQuery extends PageQuery {
  /** failed when absent */
  state?: QueueJobState;
}

/** The installation admin's pages: settings, Utskick, Köer. */
export const OPERATIONS_API = area('/admin', {
  settings: endpoint('GET', '/admin/settings').of<void, InstallationSettingsDto>(),
  updateSettings: endpoint('PUT', '/admin/settings').of<UpdateInstallationSettingsRequest, InstallationSettingsDto>(),
  mail: endpoint('GET', '/admin/mail').of<void, CapturedMailListResponse, PageQuery>(),
  reminderFailures: endpoint('GET', '/admin/reminder-failures').of<void, ReminderFailureListResponse, PageQuery>(),
  queues: endpoint('GET', '/admin/queues').of<void, QueueListResponse>(),
  jobs: endpoint('GET', '/admin/queues/:queue/jobs').of<void, QueueJobListResponse, QueueJobListQuery>(),
  retry: endpoint('POST', '/admin/queues/:queue/jobs/:jobId/retry').of<EmptyBody, QueueJobRetryResponse>(),
});


/** A nämnd's sammanträden and its settings for them. */
export const COMMITTEE_MEETINGS_API = area('/committees/:committeeId/meetings', {
  list: endpoint('GET', '/committees/:committeeId/meetings').of<void, MeetingListResponse>(),
  create: endpoint('POST', '/committees/:committeeId/meetings').of<CreateMeetingRequest, MeetingDto>(),
  updateSettings: endpoint('PUT', '/committees/:committeeId/meetings/settings').of<UpdateMeetingSettingsRequest, MeetingSettingsDto>(),
});

export interface KallelseDocumentQuery {
  format: KallelseFormat;
  /** A sent version; the current draft when absent. */
  version?: number;
  /** The public version (secret items by their public title only). */
  audience?: 'internal' | 'public';
}

export interface PackageDownloadQuery {
  format: 'pdf' | 'zip';
  audience?: 'internal' | 'public';
}

export interface MeetingFileQuery {
  format?: 'pdf' | 'html';
}

/** One sammanträde: the meeting, its ärenden and handlingar, the kallelse, the package, publishing; members' notes and förhinder. */
export const MEETINGS_API = area('/meetings', {
  mine: endpoint('GET', '/meetings/mine').of<void, MyMeetingsResponse>(),
  get: endpoint('GET', '/meetings/:meetingId').of<void, MeetingDto>(),
  update: endpoint('PUT', '/meetings/:meetingId').of<UpdateMeetingRequest, MeetingDto>(),
  createItem: endpoint('POST', '/meetings/:meetingId/items').of<SaveAgendaItemRequest, MeetingDto>(),
  updateItem: endpoint('PUT', '/meetings/:meetingId/items/:itemId').of<SaveAgendaItemRequest, MeetingDto>(),
  deleteItem: endpoint('POST', '/meetings/:meetingId/items/:itemId/delete').of<DeleteRequest, MeetingDto>(),
  order: endpoint('PUT', '/meetings/:meetingId/order').of<OrderAgendaRequest, MeetingDto>(),
  /** multipart: file, version, reason?, secret?, secrecyReference?, title? */
  uploadAttachment: endpoint('POST', '/meetings/:meetingId/items/:itemId/attachments').of<Upload, MeetingDto>(),
  updateDocument: endpoint('PUT', '/meetings/:meetingId/documents/:documentId').of<UpdateDocumentRequest, MeetingDto>(),
  deleteDocument: endpoint('POST', '/meetings/:meetingId/documents/:documentId/delete').of<DeleteRequest, MeetingDto>(),
  attachment: endpoint('GET', '/meetings/:meetingId/documents/:documentId/file').of<void, FileDownload>(),
  kallelse: endpoint('GET', '/meetings/:meetingId/kallelse').of<void, FileDownload, KallelseDocumentQuery>(),
  sendKallelse: endpoint('POST', '/meetings/:meetingId/kallelse').of<SendKallelseRequest, MeetingDto>(),
  compilePackage: endpoint('POST', '/meetings/:meetingId/package').of<EmptyBody, MeetingDto>(),
  package: endpoint('GET', '/meetings/:meetingId/package').of<void, FileDownload, PackageDownloadQuery>(),
  file: endpoint('GET', '/meetings/:meetingId/files/:fileId').of<void, FileDownload, MeetingFileQuery>(),
  resolveHit: endpoint('POST', '/meetings/:meetingId/scan-hits/:hitId/resolve').of<ResolveScanHitRequest, MeetingDto>(),
  publish: endpoint('POST', '/meetings/:meetingId/publication').of<EmptyBody, MeetingDto>(),
  saveNote: endpoint('PUT', '/meetings/:meetingId/notes/:documentRef').of<MemberNoteRequest, MeetingDto>(),
  reportAbsence: endpoint('POST', '/meetings/:meetingId/absence').of<AbsenceRequest, MeetingDto>(),
});

export interface PublicListQuery {
  page?: number;
}

/** What anyone may read without signing in: published meetings and their public handlingar, feeds, OParl. */
export const PUBLIC_API = area('/public', {
  committees: endpoint('GET', '/public/committees').of<void, PublicCommitteeDto[]>(),
  meetings: endpoint('GET', '/public/committees/:committeeId/meetings').of<void, PublicMeetingListResponse>(),
  meeting: endpoint('GET', '/public/meetings/:meetingId').of<void, PublicMeetingDto>(),
  /** The meeting as a plain HTML page (readable without JavaScript). */
  meetingPage: endpoint('GET', '/public/meetings/:meetingId/page').of<void, FileDownload>(),
  /** The published handlingar as one PDF (bookmarked, numbered; the separate files are the accessible ones). */
  package: endpoint('GET', '/public/meetings/:meetingId/package').of<void, FileDownload>(),
  file: endpoint('GET', '/public/files/:fileId').of<void, FileDownload, MeetingFileQuery>(),
  calendar: endpoint('GET', '/public/committees/:committeeId/calendar.ics').of<void, FileDownload>(),
  feed: endpoint('GET', '/public/committees/:committeeId/feed.atom').of<void, FileDownload>(),
  oparlMeetings: endpoint('GET', '/public/oparl/committees/:committeeId/meetings').of<void, unknown, PublicListQuery>(),
  oparlMeeting: endpoint('GET', '/public/oparl/meetings/:meetingId').of<void, unknown>(),
  oparlAgendaItem: endpoint('GET', '/public/oparl/agenda-items/:itemId').of<void, unknown>(),
  oparlFile: endpoint('GET', '/public/oparl/files/:fileId').of<void, unknown>(),
  oparlOrganization: endpoint('GET', '/public/oparl/organizations/:committeeId').of<void, unknown>(),
  oparlLocation: endpoint('GET', '/public/oparl/locations/:meetingId').of<void, unknown>(),
});

/** Every area, for the tests that compare the contract with the application. */
export const API_AREAS = [
  AUTH_API,
  ORGANISATION_API,
  UNITS_API,
  USERS_API,
  AUDIT_API,
  TEMPLATES_API,
  CYCLES_API,
  TASKS_API,
  ECONOMY_IMPORT_API,
  MEMO_API,
  MEMO_QUEUE_API,
  REPORT_API,
  NOTIFICATIONS_API,
  HEALTH_API,
  OPERATIONS_API,
  COMMITTEE_MEETINGS_API,
  MEETINGS_API,
  PUBLIC_API,
] as const;

/** Every endpoint of the API. */
export const API_ENDPOINTS: readonly Endpoint[] = API_AREAS.flatMap((a) => endpointsOf(a));
