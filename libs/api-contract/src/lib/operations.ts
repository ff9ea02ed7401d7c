/** One mail kept in captured_mail (by the embedded mail catcher, or directly without SMTP). */
export interface CapturedMailDto {
  id: string;
  /** Recipients, comma-separated. */
  to: string;
  subject: string;
  /** ISO instant it was received. */
  createdAt: string;
  text: string;
  html: string | null;
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
