import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CurrentUserDto } from '@rapportflode/api-contract';
import { firstValueFrom } from 'rxjs';
import { AuthService } from './auth.service';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';
import { IDLE_WARNING_MS, SessionKeeper, TOUCH_SLACK_MS } from './session-keeper';

const LENA: CurrentUserDto = { id: 'u-lena', name: 'Lena Wik', email: 'lena.wik@gnesta.example.se', title: null, roles: [], actions: [] };
const OTHER: CurrentUserDto = { ...LENA, id: 'u-other', name: 'Någon annan' };

/** The parts of AuthService the keeper and the interceptor use; `check` answers as the server would. */
class FakeAuth {
  readonly current = signal<CurrentUserDto | null>(LENA);
  readonly idle = signal<number | null>(30);
  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly idleMinutes = this.idle.asReadonly();
  alive = true;
  readonly check = jest.fn(async () => (this.alive ? LENA : null));
}

function setUp(): { keeper: SessionKeeper; auth: FakeAuth; http: HttpClient; backend: HttpTestingController } {
  const auth = new FakeAuth();
  TestBed.configureTestingModule({
    providers: [
      { provide: AuthService, useValue: auth },
      provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
      provideHttpClientTesting(),
    ],
  });
  const keeper = TestBed.inject(SessionKeeper);
  TestBed.tick();
  return { keeper, auth, http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
}

describe('SessionKeeper: the idle warning', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
    localStorage.clear();
  });
  afterEach(() => {
    jest.useRealTimers();
    TestBed.resetTestingModule();
  });

  it('warns a few minutes before the idle expiry, counted from the last request (and the server’s minute of slack)', () => {
    const { keeper } = setUp();
    keeper.activity();
    const endsAt = Date.now() + 30 * 60_000 - TOUCH_SLACK_MS;
    jest.advanceTimersByTime(endsAt - IDLE_WARNING_MS - Date.now() - 1);
    expect(keeper.warning()).toBeNull();
    jest.advanceTimersByTime(1);
    expect(keeper.warning()).toEqual({ endsAt: new Date(endsAt) });
    expect(IDLE_WARNING_MS).toBeGreaterThanOrEqual(2 * 60_000);
    expect(IDLE_WARNING_MS).toBeLessThanOrEqual(5 * 60_000);
  });

  it('a request answered starts the idle time again and takes the warning away', () => {
    const { keeper } = setUp();
    keeper.activity();
    jest.advanceTimersByTime(27 * 60_000);
    expect(keeper.warning()).not.toBeNull();
    keeper.activity();
    expect(keeper.warning()).toBeNull();
    jest.advanceTimersByTime(25 * 60_000);
    expect(keeper.warning()).toBeNull();
    jest.advanceTimersByTime(2 * 60_000);
    expect(keeper.warning()).not.toBeNull();
  });

  it('a request in another tab counts too', () => {
    const { keeper } = setUp();
    keeper.activity();
    jest.advanceTimersByTime(20 * 60_000);
    window.dispatchEvent(new StorageEvent('storage', { key: 'rf-session-activity', newValue: String(Date.now()) }));
    jest.advanceTimersByTime(10 * 60_000);
    expect(keeper.warning()).toBeNull();
  });

  it('asks the server only once the idle time has surely passed, and opens the dialog when the session is gone', async () => {
    const { keeper, auth } = setUp();
    keeper.activity();
    auth.alive = false;
    jest.advanceTimersByTime(30 * 60_000);
    expect(auth.check).not.toHaveBeenCalled();
    expect(keeper.expired()).toBe(false);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(auth.check).toHaveBeenCalledTimes(1);
    expect(keeper.expired()).toBe(true);
    expect(keeper.warning()).toBeNull();
  });

  it('"Fortsätt vara inloggad" asks the server (which keeps the session alive)', async () => {
    const { keeper, auth } = setUp();
    keeper.activity();
    jest.advanceTimersByTime(27 * 60_000);
    await keeper.keepAlive();
    expect(auth.check).toHaveBeenCalledTimes(1);
    expect(keeper.expired()).toBe(false);
  });

  it('a short idle time warns at half of it', () => {
    const { keeper, auth } = setUp();
    auth.idle.set(2);
    TestBed.tick();
    keeper.activity();
    jest.advanceTimersByTime(30_000 - 1);
    expect(keeper.warning()).toBeNull();
    jest.advanceTimersByTime(1);
    expect(keeper.warning()).not.toBeNull();
  });
});

describe('sessionExpiryInterceptor: a 401 holds the request until the person has signed in again', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('sends the held save again after signing in as the same person, with the new CSRF token', async () => {
    const { keeper, http, backend } = setUp();
    const saved = firstValueFrom(http.put<{ version: number }>('/api/tasks/t1/content', { version: 3 }, { headers: { 'X-XSRF-TOKEN': 'old' } }));
    backend.expectOne('/api/tasks/t1/content').flush({ message: 'Du är inte inloggad' }, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    expect(keeper.expired()).toBe(true);
    backend.expectNone('/api/tasks/t1/content');

    document.cookie = 'XSRF-TOKEN=new-token';
    expect(keeper.resumed(LENA)).toBe(true);
    await Promise.resolve();
    const again = backend.expectOne('/api/tasks/t1/content');
    expect(again.request.body).toEqual({ version: 3 });
    expect(again.request.headers.get('X-XSRF-TOKEN')).toBe('new-token');
    again.flush({ version: 4 });
    await expect(saved).resolves.toEqual({ version: 4 });
    expect(keeper.expired()).toBe(false);
    backend.verify();
  });

  it('fails the held request when someone else signs in', async () => {
    const { keeper, http, backend } = setUp();
    const saved = firstValueFrom(http.put('/api/tasks/t1/content', {}));
    backend.expectOne('/api/tasks/t1/content').flush({}, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    expect(keeper.resumed(OTHER)).toBe(false);
    await expect(saved).rejects.toMatchObject({ status: 401 });
    backend.verify();
  });

  it('leaves a 401 of the sign-in and sign-out themselves, and of a person not signed in, to the caller', async () => {
    const { keeper, auth, http, backend } = setUp();
    const login = firstValueFrom(http.post('/api/auth/login', {}));
    backend.expectOne('/api/auth/login').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(login).rejects.toMatchObject({ status: 401 });
    const logout = firstValueFrom(http.post('/api/auth/logout', {}));
    backend.expectOne('/api/auth/logout').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(logout).rejects.toMatchObject({ status: 401 });
    expect(keeper.expired()).toBe(false);
    auth.current.set(null);
    const list = firstValueFrom(http.get('/api/tasks'));
    backend.expectOne('/api/tasks').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(list).rejects.toMatchObject({ status: 401 });
    expect(keeper.expired()).toBe(false);
  });
});
