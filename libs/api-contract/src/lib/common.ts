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

/** Every API path in one place, for the client and the tests. */
export const API_PATHS = {
  organisation: '/api/organisation',
  organisationImport: '/api/organisation/import',
  units: '/api/units',
  templates: '/api/templates',
  cycles: '/api/cycles',
  tasks: '/api/tasks',
  myTasks: '/api/tasks/mine',
  reviewQueue: '/api/tasks/review-queue',
  notifications: '/api/notifications',
  notificationsRead: '/api/notifications/read',
  notificationSettings: '/api/notifications/settings',
  users: '/api/users',
  audit: '/api/audit',
  adminMail: '/api/admin/mail',
  adminQueues: '/api/admin/queues',
  health: '/api/health',
  docs: '/api/docs',
  auth: {
    login: '/api/auth/login',
    logout: '/api/auth/logout',
    me: '/api/auth/me',
    options: '/api/auth/options',
    passwordReset: '/api/auth/password-reset',
    passwordResetConfirm: '/api/auth/password-reset/confirm',
    oidcLogin: '/api/auth/oidc/login',
    oidcCallback: '/api/auth/oidc/callback',
  },
} as const;
