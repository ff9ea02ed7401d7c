import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorResponse } from '@rapportflode/api-contract';
import type { NextFunction, Request, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, DatabaseAvailability } from '../database/database-availability';

/** The largest JSON body accepted (a full rich-text section is well below it). */
export const JSON_BODY_LIMIT = '1mb';

/** Swedish messages for the statuses a user can meet; an exception may bring its own. */
const MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'bad_request', message: 'Begäran är felaktig.' },
  401: { code: 'unauthenticated', message: 'Du behöver logga in.' },
  403: { code: 'forbidden', message: 'Du saknar behörighet för detta.' },
  404: { code: 'not_found', message: 'Det som efterfrågades finns inte.' },
  409: { code: 'conflict', message: 'Någon annan har ändrat detta under tiden.' },
  413: { code: 'payload_too_large', message: 'Filen eller texten är för stor.' },
  415: { code: 'unsupported_media_type', message: 'Begäran har ett format som inte tas emot.' },
  429: { code: 'too_many_requests', message: 'För många försök. Vänta en stund och försök igen.' },
  500: { code: 'internal_error', message: 'Ett oväntat fel inträffade. Försök igen om en stund.' },
  503: { code: 'unavailable', message: 'Tjänsten är inte tillgänglig just nu.' },
};

/** An error with a stable code and a Swedish message for the UI. */
export class AppException extends HttpException {
  /** `extra`: more of the body for the client, e.g. both versions of a stale save (409). */
  constructor(status: HttpStatus, code: string, message: string, details?: string[], extra?: Record<string, unknown>) {
    super({ ...extra, code, message, details }, status);
  }
}

/** Every error leaves the API in one shape (ApiErrorResponse), and never with a stack trace. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiException');

  constructor(private readonly database?: DatabaseAvailability) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const parserAnswer = bodyParserAnswer(exception);
    if (parserAnswer) {
      response.status(parserAnswer.statusCode).json(parserAnswer);
      return;
    }
    if (!(exception instanceof HttpException)) {
      void this.unexpected(exception, response);
      return;
    }
    const status = exception.getStatus();
    const raw = exception.getResponse();
    // The health check's 503 carries the per-service report; monitoring reads it as it is.
    if (typeof raw === 'object' && raw !== null && 'details' in raw && 'status' in raw && !('code' in raw)) {
      response.status(status).json(raw);
      return;
    }
    if (typeof raw === 'object' && raw !== null && 'code' in raw && typeof raw.code === 'string') {
      const own = raw as { code: string; message?: string; details?: string[] };
      response.status(status).json({ ...raw, ...this.body(status), code: own.code, message: own.message, details: own.details });
      return;
    }
    // ValidationPipe: the constraint messages become details under a Swedish headline.
    if (status === 400 && typeof raw === 'object' && raw !== null && Array.isArray((raw as { message?: unknown }).message)) {
      response.status(400).json({
        ...this.body(400),
        code: 'validation_failed',
        message: 'Uppgifterna är inte giltiga.',
        details: (raw as { message: string[] }).message,
      });
      return;
    }
    response.status(status).json(this.body(status));
  }

  /** PostgreSQL away: 503 with Retry-After, logged once per outage (DatabaseAvailability). Anything else is a bug: 500, logged. */
  private async unexpected(exception: unknown, response: Response): Promise<void> {
    if (this.database && (await this.database.explains(exception).catch(() => false))) {
      if (response.headersSent) return;
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(503).json({
        ...this.body(503),
        code: 'database_unavailable',
        message: 'Databasen svarar inte just nu. Inget har sparats; försök igen om en stund.',
      });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (!response.headersSent) response.status(500).json(this.body(500));
  }

  private body(status: number): ApiErrorResponse {
    return errorBody(status);
  }
}

function errorBody(status: number): ApiErrorResponse {
  const known = MESSAGES[status] ?? (status >= 500 ? MESSAGES[500] : MESSAGES[400]);
  return { statusCode: status, code: known.code, message: known.message };
}

/** The JSON body parser's own errors (a body over the limit, one that is not JSON, an unknown charset), as answers. */
export function bodyParserAnswer(exception: unknown): ApiErrorResponse | null {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    return {
      ...errorBody(413),
      message: `Innehållet är för stort (högst ${JSON_BODY_LIMIT}). Dela upp texten eller kontakta administratören.`,
    };
  }
  if (type === 'entity.parse.failed') return { ...errorBody(400), code: 'invalid_json', message: 'Begäran är inte giltig JSON.' };
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return { ...errorBody(415), code: 'unsupported_encoding', message: 'Begäran ska vara JSON i UTF-8.' };
  }
  if (type === 'request.aborted' || type === 'request.size.invalid') return { ...errorBody(400) };
  return null;
}

/**
 * Answers the body parser's errors where they happen. Left to travel on, they would meet the
 * frontend's fallback route before the API's error handling and come out as a 404.
 */
export function bodyParserErrors(exception: unknown, _request: Request, response: Response, next: NextFunction): void {
  const answer = bodyParserAnswer(exception);
  if (!answer) return next(exception);
  response.status(answer.statusCode).json(answer);
}
