import { HttpException } from '@nestjs/common';
import { ERROR_STATUS, type ErrorCode } from './error-status';

/**
 * An error the user can meet: a stable code, a Swedish message for the UI, optional details
 * (one line each) and `extra` for more of the body (for example both versions of a stale save).
 * The status comes from ERROR_STATUS, the one table at the edge; the thrower never chooses it.
 * It stays an HttpException so that guards, pipes and middleware may throw it as well.
 */
export class DomainError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details?: string[],
    extra?: Record<string, unknown>,
  ) {
    super({ ...extra, code, message, details }, ERROR_STATUS[code]);
  }
}
