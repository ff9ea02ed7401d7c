import type { MemoContent, TaskState, Transition } from '@rapportflode/domain';

/** The tjänsteskrivelse's facts from the cycle: shown with it, never stored in its content. */
export interface MemoFactsDto {
  /** Upprättad (the content's preparedOn, repeated for convenience). */
  preparedOn: string;
  diaryNumber: string | null;
  /** 'Socialnämnden' */
  committee: string;
  /** 'Gnesta kommun' */
  municipality: string;
  cycleTitle: string;
  /** Beslutsunderlag 1, fixed: the report itself ('Delårsrapport 2021 Socialnämnden'). */
  report: string;
}

export interface MemoPermissionsDto {
  view: boolean;
  edit: boolean;
  review: boolean;
  reopen: boolean;
  /** The workflow steps the caller can take now (the buttons). */
  transitions: Transition[];
  /**
   * The caller reviews memos but handed in this round themselves: the approve button is left out
   * (separation of duties) and the page says why (SELF_APPROVAL_REFUSED_MESSAGE).
   */
  selfApprovalRefused: boolean;
}

export interface MemoTransitionDto {
  transition: Transition;
  from: TaskState;
  to: TaskState;
  actorName: string;
  text: string | null;
  at: string;
}

/** GET /api/cycles/:cycleId/memo */
export interface MemoDto {
  cycleId: string;
  content: MemoContent;
  state: TaskState;
  /** Optimistic concurrency; 0 until the memo is first saved (the content is then the prefilled draft). */
  version: number;
  updatedByName: string | null;
  updatedAt: string | null;
  permissions: MemoPermissionsDto;
  /** Figures in Ekonomiska konsekvenser that no longer match the report (Swedish sentences). */
  warnings: string[];
  /** Which figures the warnings compare with: the latest frozen report version, or the approved figures. */
  figuresSource: { kind: 'frozen'; version: number } | { kind: 'approved' } | { kind: 'none' };
  /** The latest frozen report version's number, null while the report is not frozen (the memo cannot be submitted then). */
  reportFrozenVersion: number | null;
  facts: MemoFactsDto;
  history: MemoTransitionDto[];
}

/** PUT /api/cycles/:cycleId/memo/content */
export interface SaveMemoRequest {
  version: number;
  content: MemoContent;
}

export interface SaveMemoResponse {
  version: number;
  state: TaskState;
  updatedAt: string;
  removed: string[];
  warnings: string[];
}

/** The body of a stale save's 409. */
export interface MemoConflictResponse {
  statusCode: 409;
  code: 'version_conflict';
  message: string;
  current: {
    version: number;
    content: MemoContent;
    state: TaskState;
    updatedByName: string | null;
    /** Who saved it: the signed-in person's own id when it was saved in another tab or window. */
    updatedById: string | null;
    updatedAt: string;
  };
}

/** POST /api/cycles/:cycleId/memo/transitions */
export interface MemoTransitionRequest {
  transition: Transition;
  version: number;
  text?: string;
}

/** POST /api/cycles/:cycleId/memo/redraft-economy */
export interface RedraftEconomyRequest {
  version: number;
}

export const MEMO_DOCUMENT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type MemoDocumentFormat = (typeof MEMO_DOCUMENT_FORMATS)[number];

/** A submitted tjänsteskrivelse waiting for the caller's review. */
export interface MemoQueueItem {
  cycleId: string;
  cycleTitle: string;
  cycleDiaryNumber: string;
  committeeName: string;
  /** When it was submitted (ISO). */
  submittedAt: string;
}

/** GET /api/memos/review-queue */
export interface MemoReviewQueueResponse {
  memos: MemoQueueItem[];
}
