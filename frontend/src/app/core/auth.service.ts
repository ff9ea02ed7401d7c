import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { CurrentUserDto, SessionResponse } from '@rapportflode/api-contract';
import { Action } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from './api-client';

/** Who is signed in, as a signal. The server decides every request; this only shapes the UI. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly current = signal<CurrentUserDto | null>(null);
  private readonly idle = signal<number | null>(null);
  private loaded: Promise<CurrentUserDto | null> | null = null;

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  /** Minutes without a request after which the server ends the session (null before the first answer). */
  readonly idleMinutes = this.idle.asReadonly();

  /** Loads the session once (on first navigation); null when nobody is signed in. */
  ensureLoaded(): Promise<CurrentUserDto | null> {
    this.loaded ??= firstValueFrom(this.api.me()).then(
      (session) => {
        this.take(session);
        return session.user;
      },
      (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.current.set(null);
          return null;
        }
        this.loaded = null;
        throw error;
      },
    );
    return this.loaded;
  }

  async login(email: string, password: string): Promise<CurrentUserDto> {
    const session = await firstValueFrom(this.api.login({ email, password }));
    this.take(session);
    this.loaded = Promise.resolve(session.user);
    return session.user;
  }

  /**
   * Asks the server now whether the session lives (and so keeps it alive): the person, or null
   * after a 401. Leaves what is known as it is on any other failure (null too).
   */
  async check(): Promise<CurrentUserDto | null> {
    try {
      const session = await firstValueFrom(this.api.me());
      this.take(session);
      this.loaded = Promise.resolve(session.user);
      return session.user;
    } catch {
      return null;
    }
  }

  private take(session: SessionResponse): void {
    this.current.set(session.user);
    this.idle.set(session.idleMinutes);
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      this.forget();
    }
  }

  /** After a 401: the session has ended on the server. */
  forget(): void {
    this.current.set(null);
    this.loaded = Promise.resolve(null);
  }

  can(action: Action): boolean {
    return this.current()?.actions.includes(action) ?? false;
  }
}
