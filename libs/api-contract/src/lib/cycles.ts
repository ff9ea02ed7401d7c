import type {
  Action,
  ReminderConfig,
  BlockDiff,
  IsoDate,
  OverviewFilter,
  Progress,
  ReportKind,
  CellChange,
  EconomyContent,
  Role,
  SectionConfig,
  SectionKind,
  TaskContent,
  TaskState,
  Transition,
  ReminderDelivery,
} from '@rapportflode/domain';
import type { TemplateLayout, TemplateSectionInput } from '@rapportflode/domain';

/* ---------- Templates (editing) ---------- */

/** POST /api/templates and PUT /api/templates/:id: the whole template, sections in order. */
export interface SaveTemplateRequest {
  committeeId: string;
  name: string;
  reportKind: ReportKind;
  active?: boolean;
  sections: Array<Omit<TemplateSectionInput, 'unitIds'> & { unitIds?: string[] }>;
  /** The print layout (checkTemplateLayout, libs/domain/src/lib/template-layout.ts); absent: kept as stored (a new template: the defaults). */
  layout?: Partial<TemplateLayout> | null;
}

/* ---------- Cycles ---------- */

export interface CycleDatesDto {
  periodEnd: IsoDate;
  submissionDeadline: IsoDate;
  reviewDeadline: IsoDate;
  assemblyDeadline: IsoDate;
  meetingDate: IsoDate;
}

/** POST /api/cycles */
export interface CreateCycleRequest extends CycleDatesDto {
  templateId: string;
  year: number;
  /** e.g. `SN.2021.73` or `SN 2019/1703` */
  diaryNumber: string;
  /** Defaults to "<template name> <year>". */
  title?: string;
}

/** PATCH /api/cycles/:id: any of the dates, the diarienummer or the title; `version` from the last read. */
export interface UpdateCycleRequest extends Partial<CycleDatesDto> {
  version: number;
  diaryNumber?: string;
  title?: string;
  /** The cycle's reminder settings (checked by checkReminderConfig; a missing setting takes its default); null: the defaults. */
  reminderConfig?: Partial<ReminderConfig> | null;
}

export interface CycleSummaryDto extends CycleDatesDto {
  id: string;
  committeeId: string;
  committeeName: string;
  templateId: string | null;
  title: string;
  reportKind: ReportKind;
  year: number;
  /** `T1`, `T2`, `Helår`, or the month. */
  period: string;
  diaryNumber: string;
  version: number;
  createdAt: string;
  progress: Progress;
  /** The reminder settings in force (DEFAULT_REMINDER_CONFIG unless the secretary changed them). */
  reminderConfig: ReminderConfig;
  /** The report's latest frozen version (Fastställd); null while none is frozen. */
  frozenVersion: FrozenVersionDto | null;
}

/** The latest fastställd version of a cycle's report. */
export interface FrozenVersionDto {
  number: number;
  /** ISO timestamp. */
  frozenAt: string;
}

/** GET /api/cycles */
export interface CycleListResponse {
  cycles: CycleSummaryDto[];
}

export interface CycleSectionDto {
  id: string;
  key: string;
  number: string;
  depth: number;
  title: string;
  kind: SectionKind;
  reviewerRole: Role;
}

/** One cell of the overview matrix: a task. */
export interface OverviewTaskDto {
  id: string;
  sectionId: string;
  unitId: string | null;
  state: TaskState;
  deadline: IsoDate;
  daysLate: number;
  /** The people who review it (the section's reviewer role where the task sits). */
  reviewers: string[];
}

export interface OverviewUnitDto {
  /** null: the nämnd-level row. */
  id: string | null;
  name: string;
  /** The path above it, e.g. `Socialförvaltningen / Stöd och vägledning`. */
  path: string;
  progress: Progress;
}

/** GET /api/cycles/:id?filter=late */
export interface CycleOverviewDto {
  cycle: CycleSummaryDto;
  filter: OverviewFilter;
  sections: CycleSectionDto[];
  units: OverviewUnitDto[];
  /** The tasks matching the filter (the cells of the matrix). */
  tasks: OverviewTaskDto[];
  /** Whether the person may change dates and deadlines. */
  canManage: boolean;
}

/* ---------- Tasks ---------- */

/** A row of "Mina uppgifter" or of the review queue. */
export interface TaskListItemDto {
  id: string;
  cycleId: string;
  cycleTitle: string;
  committeeName: string;
  sectionNumber: string;
  sectionTitle: string;
  kind: SectionKind;
  unitId: string | null;
  unitName: string;
  state: TaskState;
  deadline: IsoDate;
  daysLate: number;
  updatedAt: string;
}

/** GET /api/tasks/mine and GET /api/tasks/review-queue */
export interface TaskListResponse {
  tasks: TaskListItemDto[];
}

export interface TaskTransitionDto {
  transition: Transition;
  from: TaskState;
  to: TaskState;
  actorName: string;
  text: string | null;
  at: string;
}

export interface TaskSnapshotSummaryDto {
  round: number;
  version: number;
  submittedBy: string;
  submittedAt: string;
}

/** GET /api/tasks/:id */
export interface TaskDto extends TaskListItemDto {
  reviewerRole: Role;
  cycleDiaryNumber: string;
  /** The period the cycle reports, as earlier periods are named: `T2 2026`. */
  period: string;
  /** Rich text, or for structured kinds (economy) the table's entered figures. */
  content: TaskContent;
  /** The section's layout (economy: columns, unit, headings). */
  sectionConfig: SectionConfig | null;
  /** The template's writing instruction for the section, shown above the editor; null: none. */
  sectionGuidance: string | null;
  /** The cycle's report kind and the last day of its period: the economy headings name the periods (`per augusti`, `per april`). */
  reportKind: ReportKind;
  periodEnd: IsoDate;
  /** Optimistic concurrency: send it back with the next save. */
  version: number;
  updatedByName: string | null;
  /** The workflow actions the signed-in person holds on this task (the buttons: availableTransitions). */
  heldActions: Action[];
  /**
   * Separation of duties: who handed in the round under review (a user id; null unless the task
   * is submitted) and whether the installation lets that person approve it themselves. With the
   * signed-in person's id this is availableTransitions' ReviewRound.
   */
  reviewRound: { submittedById: string | null; selfApprovalAllowed: boolean };
  history: TaskTransitionDto[];
  snapshots: TaskSnapshotSummaryDto[];
  comments: TaskCommentDto[];
  /**
   * The same unit's approved content of this section (same key) in the nämnd's earlier
   * cycles, oldest first, at most 8: sick leave's earlier periods, the action plan's status
   * history. Never copied into the content; shown beside it.
   */
  earlier: EarlierContentDto[];
  /**
   * For a nämnd-level economy section: the units' tables of the same cycle (the unit-level
   * economy section), from which the nämnd table is computed; null for other sections.
   */
  committeeEconomy: CommitteeEconomyDto | null;
}

export interface EarlierContentDto {
  cycleId: string;
  cycleTitle: string;
  year: number;
  /** As the reports print it: `T2 2025`, `Helår 2025`. */
  period: string;
  content: TaskContent;
}

export interface CommitteeEconomyDto {
  /** The unit-level economy section the figures come from. */
  sectionTitle: string;
  units: Array<{ unitId: string; unitName: string; state: TaskState }>;
  /** The nämnd table built from the approved unit tables only (`committeeEconomyContent`). */
  content: EconomyContent;
}

/** PUT /api/tasks/:id/content */
export interface SaveContentRequest {
  /** The version the edit started from. */
  version: number;
  content: TaskContent;
}

export interface SaveContentResponse {
  version: number;
  state: TaskState;
  updatedAt: string;
  /** What the sanitizer removed (e.g. an unsafe link), for the editor to tell the person. */
  removed: string[];
}

/** The body of the 409 a stale save gets: both versions, so the editor can merge. */
export interface ContentConflictResponse {
  statusCode: 409;
  code: 'version_conflict';
  message: string;
  current: {
    version: number;
    content: TaskContent;
    updatedByName: string | null;
    /** Who saved it: the signed-in person's own id when it was saved in another tab or window. */
    updatedById: string | null;
    updatedAt: string;
    state: TaskState;
  };
  yours: { version: number; content: TaskContent };
}

/** POST /api/tasks/:id/transitions */
export interface TransitionRequest {
  transition: Transition;
  /** The version the person saw: a transition on a changed task is refused (409). */
  version: number;
  /** Required to return (comment) and to reopen (reason). */
  text?: string;
}

/** PATCH /api/tasks/:id: the task's own deadline (null: the cycle's). */
export interface UpdateTaskRequest {
  deadline: IsoDate | null;
}

/**
 * POST /api/tasks/:id/remind ("Skicka påminnelse nu"): the reminder to the task's writers is
 * queued, at most once per task and Stockholm day. The second time the answer is 409 with the
 * code `reminder_already_sent` and a Swedish message saying it was already sent today.
 */
export interface RemindTaskResponse {
  /** The people it goes to (who hold the pen), by name. */
  recipients: string[];
  /** "Påminnelse köad till …". */
  message: string;
}

/** GET /api/tasks/:id/diff?from=1&to=2 (to defaults to the latest snapshot, from to the one before it; 0 = empty). */
export interface TaskDiffDto {
  from: number;
  to: number;
  /** Rich text: what changed, block by block. */
  blocks: BlockDiff[];
  /** Tables: every changed cell with its old and new value, computed cells included. */
  cells: CellChange[];
}

/* ---------- Comments ---------- */

export interface TaskCommentDto {
  id: string;
  parentId: string | null;
  /** The paragraph it is anchored to (a paragraph id of the content), if any. */
  anchor: string | null;
  /** The table row (and column) it is about, if any (structured sections). */
  rowAnchor: CommentRowAnchor | null;
  authorName: string;
  authorId: string;
  body: string;
  createdAt: string;
  resolved: boolean;
  resolvedByName: string | null;
}

/** POST /api/tasks/:id/comments */
export interface CreateCommentRequest {
  body: string;
  parentId?: string;
  anchor?: string;
  /** A row (or one cell) of the section's table; checked against the task's current content. */
  rowAnchor?: CommentRowAnchor;
}

/** A comment's place in a table: a row by its stable key, optionally one column of it. */
export interface CommentRowAnchor {
  kind: 'row';
  rowKey: string;
  column?: string;
  /** In a section made of blocks: the key of the block whose table the row is in. */
  block?: string;
}

/** PATCH /api/tasks/:id/comments/:commentId */
export interface UpdateCommentRequest {
  resolved: boolean;
}

/* ---------- Notifications (in-app) ---------- */

export interface NotificationDto {
  id: string;
  kind: 'comment' | 'returned' | 'approved' | 'reopened' | 'submitted' | 'reminder' | 'meeting';
  text: string;
  taskId: string | null;
  createdAt: string;
  read: boolean;
}

/** GET /api/notifications */
export interface NotificationListResponse {
  unread: number;
  notifications: NotificationDto[];
}

/** POST /api/notifications/read: the ids to mark read, or all when omitted. */
export interface MarkNotificationsReadRequest {
  ids?: string[];
}

/** GET and PUT /api/notifications/settings: how the person gets reminder e-mail. */
export interface NotificationSettingsDto {
  reminderDelivery: ReminderDelivery;
  /** When the next daily digest goes out (ISO), for the page's text. */
  nextDigestAt: string;
}

export interface UpdateNotificationSettingsRequest {
  reminderDelivery: ReminderDelivery;
}
