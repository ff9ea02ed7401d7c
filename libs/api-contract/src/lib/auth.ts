import type { Action, Role } from '@rapportflode/domain';

/** POST /api/auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

/** One role of the signed-in person, with the name of where it holds. */
export interface RoleAssignmentDto {
  id: string;
  role: Role;
  committeeId: string | null;
  unitId: string | null;
  /** e.g. `Vuxenutbildning (Socialnämnden, Gnesta kommun)`, or `Hela installationen`. */
  scopeName: string;
}

export interface CurrentUserDto {
  id: string;
  name: string;
  email: string;
  title: string | null;
  roles: RoleAssignmentDto[];
  /** The actions the person may do somewhere: the UI shows menus from this; the server still checks each request. */
  actions: Action[];
}

/** GET /api/auth/me, POST /api/auth/login */
export interface SessionResponse {
  user: CurrentUserDto;
  /** When the session ends at the latest (absolute expiry), ISO. */
  expiresAt: string;
  /**
   * The session ends after this many minutes without a request (idle expiry): the browser warns
   * a few minutes before, counting from its own last request.
   */
  idleMinutes: number;
}

/** GET /api/auth/options: what the sign-in page offers. */
export interface AuthOptionsResponse {
  oidc: { enabled: boolean; label: string };
}

/** POST /api/auth/password-reset */
export interface PasswordResetRequest {
  email: string;
}

/** POST /api/auth/password-reset/confirm */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export const PASSWORD_MIN_LENGTH = 12;

/** The name of the cookie Angular's HttpClient reads and echoes as the X-XSRF-TOKEN header. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
