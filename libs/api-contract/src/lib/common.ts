/** The body of every error the API returns: a stable code, and a Swedish message for the UI. */
export interface ApiErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  /** What exactly was wrong, e.g. one line per invalid field. */
  details?: string[];
}

export type HealthState = 'up' | 'down';

export interface HealthEntry {
  status: HealthState;
  [key: string]: unknown;
}

/** GET /api/health (the @nestjs/terminus shape): `database` and `redis` entries. */
export interface HealthResponse {
  status: 'ok' | 'error' | 'shutting_down';
  info?: Partial<Record<string, HealthEntry>>;
  error?: Partial<Record<string, HealthEntry>>;
  details: Partial<Record<string, HealthEntry>>;
}
