import { HttpErrorResponse } from '@angular/common/http';
import type { MeetingDto } from '@rapportflode/api-contract';
import { errorLines } from '../../shared/workflow/version-conflict';

/** What the reason dialog asks once the kallelse has gone out. */
export const REASON_QUESTION = 'Varför ändras kallelsen? Anledningen står i rättelsen.';

/** Said after a stale change: the page shows the stored meeting now. */
export const CONFLICT_MESSAGE =
  'Någon annan har ändrat sammanträdet under tiden. Sidan visar nu det senaste, så gör din ändring igen om den fortfarande behövs.';

/** Once the kallelse has been sent, every change of the meeting needs a reason (the rättelse gives it). */
export function needsReason(meeting: Pick<MeetingDto, 'state'>): boolean {
  return meeting.state !== 'planned';
}

/** The code of a refused request (`version_conflict`, `kallelse_change_reason_required` …), if the server sent one. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body = error.error as { code?: unknown } | null;
  return body && typeof body.code === 'string' ? body.code : null;
}

export type ChangeOutcome =
  | { kind: 'saved'; meeting: MeetingDto }
  /** The reason dialog was closed without a reason: nothing was sent. */
  | { kind: 'cancelled' }
  /** Stale: the stored meeting (null when even that could not be fetched) and what to say. */
  | { kind: 'conflict'; meeting: MeetingDto | null; message: string }
  | { kind: 'failed'; lines: string[] };

export interface ChangeOptions {
  /**
   * 'ask' (the default): a change that needs a reason asks for it in the dialog; 'none': the
   * request carries no version and no reason (notes, förhinder, the package); a string: the
   * reason given in the page's own field.
   */
  reason?: 'ask' | 'none' | string;
}

export interface ChangeDeps {
  /** Opens the reason dialog; null when it was closed without one. */
  askReason(): Promise<string | null>;
  /** The meeting as stored now. */
  reload(): Promise<MeetingDto>;
}

/**
 * One change of a meeting: asks for the reason first when the kallelse has been sent, sends the
 * change with the meeting's version, asks after all when the server says a reason is needed (the
 * state changed in between), and after a stale version reloads and says so.
 */
export async function runChange(
  meeting: MeetingDto,
  send: (version: number, reason: string | undefined) => Promise<MeetingDto>,
  deps: ChangeDeps,
  options: ChangeOptions = {},
): Promise<ChangeOutcome> {
  const mode = options.reason ?? 'ask';
  let reason: string | undefined;
  if (mode === 'ask') {
    if (needsReason(meeting)) {
      const given = await deps.askReason();
      if (given === null) return { kind: 'cancelled' };
      reason = given;
    }
  } else if (mode !== 'none') {
    reason = mode;
  }
  try {
    return { kind: 'saved', meeting: await send(meeting.version, reason) };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'kallelse_change_reason_required' && reason === undefined && mode === 'ask') {
      const given = await deps.askReason();
      if (given === null) return { kind: 'cancelled' };
      try {
        return { kind: 'saved', meeting: await send(meeting.version, given) };
      } catch (again) {
        return failure(again, deps);
      }
    }
    return failure(error, deps);
  }
}

async function failure(error: unknown, deps: ChangeDeps): Promise<ChangeOutcome> {
  if (errorCode(error) === 'version_conflict') {
    const stored = await deps.reload().catch(() => null);
    return { kind: 'conflict', meeting: stored, message: CONFLICT_MESSAGE };
  }
  return { kind: 'failed', lines: errorLines(error) };
}
