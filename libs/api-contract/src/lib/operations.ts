/** One mail kept in captured_mail (by the embedded mail catcher, or directly without SMTP). */
export interface CapturedMailDto {
  id: string;
  /** Recipients, comma-separated. */
  to: string;
  subject: string;
  /** ISO instant it was received. */
  createdAt: string;
  /** Empty for a confidential mail (a password reset link): only that it was sent is shown. */
  text: string;
  html: string | null;
  /** Carries a secret: its content is not shown, not even to installation administrators. */
  confidential: boolean;
}

/** GET /api/admin/mail: newest first, paged. */
export interface CapturedMailListResponse {
  total: number;
  page: number;
  pageSize: number;
  mails: CapturedMailDto[];
}

export const QUEUE_JOB_STATES = ['failed', 'delayed', 'waiting', 'active', 'completed'] as const;
export type QueueJobState = (typeof QUEUE_JOB_STATES)[number];

export type QueueCounts = Record<QueueJobState, number>;

export interface QueueSummaryDto {
  name: string;
  paused: boolean;
  counts: QueueCounts;
}

/** GET /api/admin/queues */
export interface QueueListResponse {
  queues: QueueSummaryDto[];
}

export interface QueueJobDto {
  id: string;
  name: string;
  data: unknown;
  /** Attempts made so far, and allowed in all. */
  attemptsMade: number;
  attempts: number;
  failedReason: string | null;
  /** ISO instants: added, last started, finished (completed or finally failed). */
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
  /** A delayed job: when it becomes due. */
  delayUntil: string | null;
}

/** GET /api/admin/queues/:queue/jobs?state=… newest first, paged. */
export interface QueueJobListResponse {
  queue: string;
  state: QueueJobState;
  total: number;
  page: number;
  pageSize: number;
  jobs: QueueJobDto[];
}

/** POST /api/admin/queues/:queue/jobs/:jobId/retry */
export interface QueueJobRetryResponse {
  id: string;
  state: string;
}

/**
 * A reminder e-mail that did not go out: `failed` (the SMTP server refused the address or the
 * message for good: not retried) or `retrying` (still pending after an attempt that failed for
 * a reason a retry may cure: a busy server, a timeout).
 */
export type ReminderFailureStatus = 'failed' | 'retrying';

export type ReminderFailureKind = 'before' | 'due' | 'late' | 'review_nudge' | 'returned' | 'reopened' | 'manual';

export interface ReminderFailureDto {
  /** The sent_reminder row's id. */
  id: string;
  recipientName: string;
  recipientEmail: string;
  taskId: string;
  cycleTitle: string;
  sectionNumber: string;
  sectionTitle: string;
  /** null for a task at committee level (nämndnivå). */
  unitName: string | null;
  kind: ReminderFailureKind;
  /** Working days before/after the deadline (before, late) or waited (review_nudge); 0 for due. */
  offset: number;
  /** ISO instant the reminder was due. */
  dueAt: string;
  /** ISO instant of the first attempt to send it (when its outbox row was written). */
  triedAt: string;
  attempts: number;
  status: ReminderFailureStatus;
  /** The SMTP server's answer (or the error of the last attempt). */
  error: string | null;
}

/** GET /api/admin/reminder-failures: reminder e-mails not delivered, newest first, paged. */
export interface ReminderFailureListResponse {
  total: number;
  page: number;
  pageSize: number;
  failures: ReminderFailureDto[];
}

/** GET /api/admin/settings: the installation-wide settings (installation administrators). */
export interface InstallationSettingsDto {
  /**
   * The person who submitted a round may approve it themselves (for very small nämnder). Off by
   * default; each such approval is then recorded in the audit log as a self-approval.
   */
  selfApprovalAllowed: boolean;
  updatedAt: string;
  updatedByName: string | null;
}

/** PUT /api/admin/settings */
export interface UpdateInstallationSettingsRequest {
  selfApprovalAllowed: boolean;
}
