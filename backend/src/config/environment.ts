import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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

  /** PostgreSQL URL. Unset: an embedded PostgreSQL (PGlite) with its data under DATA_DIR. */
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
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'FRONTEND_DIR']) {
    const value = raw[key];
    // An empty variable means "not set", as a shell or an .env file writes it.
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const environment = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false, whitelist: false });
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
