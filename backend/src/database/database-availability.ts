import { Injectable, Logger as NestLogger, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';

/** Errors of the connection itself, as opposed to errors of a statement (which are bugs or conflicts). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, the connection_exception class, too_many_connections.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether an error means PostgreSQL could not be reached (or went away mid-query), looking through TypeORM's and Node's wrappers. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  if (e.driverError && isDatabaseUnavailable(e.driverError, depth + 1)) return true;
  if (e.cause && isDatabaseUnavailable(e.cause, depth + 1)) return true;
  // Node's AggregateError when every address of the host refused (127.0.0.1 and ::1).
  if (Array.isArray(e.errors)) return e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return false;
}

/** How long a client should wait before trying again while PostgreSQL is away (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Whether PostgreSQL answers, as the requests find out. The first failure of an outage is logged
 * once; from then on the process probes every second and logs once more when the database
 * answers again. Requests in between fail fast with 503 (ApiExceptionFilter), and nothing else is
 * logged for them: an outage is two lines in the log, not one stack trace per request.
 */
@Injectable()
export class DatabaseAvailability implements OnApplicationShutdown {
  private readonly logger = new NestLogger('Database');
  private dataSource: DataSource | null = null;
  private downSince: number | null = null;
  private probe: NodeJS.Timeout | null = null;

  attach(dataSource: DataSource): void {
    this.dataSource = dataSource;
  }

  get available(): boolean {
    return this.downSince === null;
  }

  /**
   * Whether a request failed because PostgreSQL is away. A statement's error (TypeORM's
   * QueryFailedError) says so itself; a bare connection error could come from anything that
   * connects (Redis, SMTP), so it counts only once PostgreSQL itself does not answer.
   */
  async explains(error: unknown): Promise<boolean> {
    if (!isDatabaseUnavailable(error)) return false;
    if (this.downSince !== null || (error as { driverError?: unknown }).driverError) {
      this.reportUnavailable(error);
      return true;
    }
    if (!this.dataSource?.isInitialized) return false;
    try {
      await this.dataSource.query('SELECT 1');
      return false;
    } catch (probeError) {
      if (!isDatabaseUnavailable(probeError)) return false;
      this.reportUnavailable(error);
      return true;
    }
  }

  /** Call with an error that isDatabaseUnavailable; logs only the change from up to down. */
  reportUnavailable(error: unknown): void {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.logger.error(`PostgreSQL is unreachable (${describe(error)}): requests answer 503 database_unavailable until it answers again`);
    this.probe = setInterval(() => void this.check(), 1_000);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    if (!this.dataSource?.isInitialized) return this.stop();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      return;
    }
    const seconds = ((Date.now() - (this.downSince ?? Date.now())) / 1000).toFixed(1);
    this.stop();
    this.logger.log(`PostgreSQL answers again after ${seconds} s`);
  }

  private stop(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
    this.downSince = null;
  }

  onApplicationShutdown(): void {
    this.stop();
    this.dataSource = null;
  }
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const inner = e?.driverError ?? e;
  const code = typeof inner?.code === 'string' ? `${inner.code}: ` : '';
  const message = typeof inner?.message === 'string' && inner.message ? inner.message : String(error);
  return `${code}${message}`.slice(0, 300);
}

/**
 * TypeORM's log, through the application's logger: a failed statement is one warning without its
 * parameters (they can hold personal data); a lost connection goes to DatabaseAvailability instead.
 */
export class DatabaseLog implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  constructor(private readonly availability: DatabaseAvailability) {}

  logQuery(): void {
    // Statements are not logged: too many, and their parameters can hold personal data.
  }

  logQueryError(error: string | Error, query: string): void {
    if (isDatabaseUnavailable(error)) return this.availability.reportUnavailable(error);
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(`Statement failed: ${message} (${query.replace(/\s+/g, ' ').slice(0, 200)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow statement (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 200)}`);
  }

  logSchemaBuild(): void {
    // synchronize is never used.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = String(message);
    // The pool's idle connections each report the same lost server: that is the outage, logged once.
    if (/pool raised an error/i.test(text) && UNAVAILABLE_MESSAGES.test(text)) {
      return this.availability.reportUnavailable(new Error(text));
    }
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
