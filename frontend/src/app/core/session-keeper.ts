import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { CurrentUserDto } from '@rapportflode/api-contract';
import { AuthService } from './auth.service';

/** How long before the idle expiry the warning shows (at most half the idle time). */
export const IDLE_WARNING_MS = 3 * 60_000;
/**
 * The server marks a session seen at most once a minute, so its idle clock may have started up to
 * this much before the browser's last request: the warning counts from the earlier moment.
 */
export const TOUCH_SLACK_MS = 60_000;
/** After the idle expiry has surely passed, the session is asked once more (this much later). */
const END_CHECK_DELAY_MS = 5_000;
/** Shared between tabs: a request in one tab keeps the session of all of them alive. */
export const ACTIVITY_KEY = 'rf-session-activity';

export interface IdleWarning {
  /** When the session ends at the earliest if nothing more is done. */
  endsAt: Date;
}

/**
 * Keeps the session in view: counts the idle time from the last request (in any tab), warns a few
 * minutes before the server ends an idle session, and when a request is refused with 401 holds
 * that request (and every later one) until the person has signed in again in the dialog.
 */
@Injectable({ providedIn: 'root' })
export class SessionKeeper {
  private readonly auth = inject(AuthService);

  /** True while the session has ended and the sign-in dialog is open. */
  readonly expired = signal(false);
  /** Set a few minutes before the idle expiry. */
  readonly warning = signal<IdleWarning | null>(null);

  private lastActivity = Date.now();
  private warnTimer: ReturnType<typeof setTimeout> | null = null;
  private endTimer: ReturnType<typeof setTimeout> | null = null;
  private waiting: { promise: Promise<boolean>; resolve: (samePerson: boolean) => void; userId: string | null } | null = null;

  constructor() {
    effect(() => {
      this.auth.idleMinutes();
      this.auth.signedIn();
      untracked(() => this.schedule());
    });
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key !== ACTIVITY_KEY || !event.newValue) return;
        const at = Number(event.newValue);
        if (Number.isFinite(at) && at > this.lastActivity) {
          this.lastActivity = at;
          this.schedule();
        }
      });
    }
  }

  /** The server answered a request of a signed-in person: the idle time starts again. */
  activity(at = Date.now()): void {
    this.lastActivity = at;
    try {
      localStorage.setItem(ACTIVITY_KEY, String(at));
    } catch {
      // No storage (private mode, full): this tab still counts on its own.
    }
    this.schedule();
  }

  /** The warning's button: one request to the server, which keeps the session alive. */
  async keepAlive(): Promise<void> {
    const user = await this.auth.check();
    if (!user) void this.sessionEnded();
  }

  /**
   * A request was refused because the session has ended: opens the sign-in dialog (once) and
   * resolves when the person has signed in again, true when it is the same person (held
   * requests then go through), false when someone else signed in.
   */
  sessionEnded(): Promise<boolean> {
    if (!this.waiting) {
      let resolve!: (samePerson: boolean) => void;
      const promise = new Promise<boolean>((done) => (resolve = done));
      this.waiting = { promise, resolve, userId: this.auth.user()?.id ?? null };
      this.clearTimers();
      this.warning.set(null);
      this.expired.set(true);
    }
    return this.waiting.promise;
  }

  /** Signed in again (the dialog, or another tab): true when it is the person whose session ended. */
  resumed(user: CurrentUserDto): boolean {
    const waiting = this.waiting;
    if (!waiting) return true;
    this.waiting = null;
    this.expired.set(false);
    const same = waiting.userId === null || waiting.userId === user.id;
    waiting.resolve(same);
    this.activity();
    return same;
  }

  private schedule(): void {
    this.clearTimers();
    this.warning.set(null);
    const idle = this.auth.idleMinutes();
    if (idle === null || !this.auth.signedIn() || this.expired()) return;
    const idleMs = idle * 60_000;
    const life = Math.max(idleMs - TOUCH_SLACK_MS, idleMs / 2);
    const endsAt = this.lastActivity + life;
    const warnAt = endsAt - Math.min(IDLE_WARNING_MS, life / 2);
    this.warnTimer = setTimeout(() => this.warning.set({ endsAt: new Date(endsAt) }), Math.max(0, warnAt - Date.now()));
    // Only once the session has surely ended on the server (asking earlier would keep it alive).
    this.endTimer = setTimeout(() => void this.checkEnded(), Math.max(0, this.lastActivity + idleMs + END_CHECK_DELAY_MS - Date.now()));
  }

  private async checkEnded(): Promise<void> {
    if (this.expired()) return;
    const user = await this.auth.check();
    if (!user) void this.sessionEnded();
  }

  private clearTimers(): void {
    if (this.warnTimer !== null) clearTimeout(this.warnTimer);
    if (this.endTimer !== null) clearTimeout(this.endTimer);
    this.warnTimer = null;
    this.endTimer = null;
  }
}
