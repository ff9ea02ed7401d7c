import { HttpErrorResponse } from '@angular/common/http';
import type { StaleSaveBy } from '@rapportflode/domain';
import { errorMessage } from '../../core/api-client';

/** The body both the task and the memo answer a stale save with (409): the stored version beside the code. */
interface VersionConflictBody {
  code: 'version_conflict';
  message: string;
  current: object;
}

/** A 409 `version_conflict` carrying the stored version: someone saved in between. */
export function isVersionConflict<T extends VersionConflictBody>(error: unknown): error is HttpErrorResponse & { error: T } {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 409 &&
    (error.error as Partial<VersionConflictBody> | null)?.code === 'version_conflict' &&
    typeof (error.error as Partial<VersionConflictBody>).current === 'object'
  );
}

/** A refused request as lines to show: the message and, when the server lists them, each detail. */
export function errorLines(error: unknown): string[] {
  const body = error instanceof HttpErrorResponse ? (error.error as { message?: string; details?: string[] } | null) : null;
  return body?.details?.length ? [body.message ?? '', ...body.details] : [errorMessage(error)];
}

/** Who saved the stored version, as the conflict panel tells it: the signed-in person (another tab) or someone else, and when. */
export function staleSaveBy(
  current: { updatedById?: string | null; updatedByName: string | null; updatedAt?: string | null },
  signedInUserId: string | null | undefined,
): StaleSaveBy {
  return {
    sameUser: !!signedInUserId && current.updatedById === signedInUserId,
    savedByName: current.updatedByName,
    savedAt: current.updatedAt ?? null,
  };
}
