import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { AUTH_API, endpointPath } from '@rapportflode/api-contract';
import { ApiClient, errorMessage } from './api-client';
import { AuthService } from './auth.service';
import { safeReturnPath, SIGN_IN_PATH } from './return-path';
import { SessionKeeper } from './session-keeper';

/** While the dialog is open the session is asked for this often (a sign-in in another tab ends it). */
const RECHECK_MS = 3_000;

/**
 * Over the page when the session has ended: signing in again here keeps the page and what is
 * typed on it, and the held saves go through afterwards. With the identity provider the sign-in
 * opens in a new tab; the dialog closes by itself once the session is back.
 */
@Component({
  selector: 'rf-session-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <dialog
      #dialog
      class="session-dialog"
      aria-labelledby="session-dialog-title"
      aria-describedby="session-dialog-text"
      (cancel)="$event.preventDefault()"
    >
      <!-- Only while open: a closed dialog leaves no second sign-in form in the page. -->
      @if (open()) {
        <h2 id="session-dialog-title">Sessionen har gått ut</h2>
        <p id="session-dialog-text">
          Logga in igen för att fortsätta. Det du har skrivit finns kvar och sparas när du har loggat in.
        </p>
        @if (options.value()?.oidc?.enabled) {
          <button matButton="filled" type="button" class="oidc" (click)="openOidc()">
            {{ options.value()?.oidc?.label }} <span class="visually-hidden">(öppnas i en ny flik)</span>
          </button>
          @if (oidcOpened()) {
            <p class="muted" role="status">
              Logga in i den nya fliken. Den här rutan stängs av sig själv när du är inloggad.
            </p>
          }
          <p class="or">eller med e-post och lösenord</p>
        }
        <form (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>E-postadress</mat-label>
            <input matInput name="session-email" type="email" autocomplete="username" required [(ngModel)]="email" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Lösenord</mat-label>
            <input
              #password
              matInput
              name="session-password"
              type="password"
              autocomplete="current-password"
              required
              [(ngModel)]="passwordText"
            />
          </mat-form-field>
          @if (error()) {
            <p class="error" role="alert">{{ error() }}</p>
          }
          <div class="actions">
            <button matButton="filled" type="submit" [disabled]="busy()">Logga in</button>
            <button matButton="outlined" type="button" (click)="toSignInPage()">Till inloggningssidan</button>
          </div>
        </form>
      }
    </dialog>
  `,
  styles: `
    .session-dialog {
      max-width: min(28rem, calc(100vw - 2rem));
      border: none;
      border-radius: 12px;
      padding: 1.5rem;
      background: var(--mat-sys-surface-container-high, #fff);
      color: var(--mat-sys-on-surface, #1a1c1e);
    }
    .session-dialog::backdrop {
      background: rgb(0 0 0 / 0.5);
    }
    h2 {
      margin-top: 0;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .oidc {
      width: 100%;
    }
    .or {
      text-align: center;
    }
  `,
})
export class SessionDialogComponent {
  private readonly auth = inject(AuthService);
  private readonly api = inject(ApiClient);
  private readonly keeper = inject(SessionKeeper);
  private readonly router = inject(Router);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('password');
  private readonly injector = inject(Injector);

  /** What sign-in offers, asked for once the dialog opens (not on every page). */
  protected readonly options = rxResource({
    params: () => (this.keeper.expired() ? true : undefined),
    stream: () => this.api.authOptions(),
  });
  protected email = '';
  protected passwordText = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly oidcOpened = signal(false);
  protected readonly open = this.keeper.expired;
  private recheck: ReturnType<typeof setInterval> | null = null;

  constructor() {
    const onFocus = () => void this.lookAgain();
    effect(() => {
      const expired = this.keeper.expired();
      const dialog = this.dialog().nativeElement;
      untracked(() => {
        if (expired && !dialog.open) {
          this.email = this.auth.user()?.email ?? this.email;
          this.passwordText = '';
          this.error.set(null);
          this.oidcOpened.set(false);
          // Once its form is drawn: over the page, the password field focused (the address is filled in).
          afterNextRender(
            () => {
              if (!this.keeper.expired() || dialog.open) return;
              dialog.showModal();
              this.passwordInput()?.nativeElement.focus();
            },
            { injector: this.injector },
          );
          this.recheck = setInterval(() => void this.lookAgain(), RECHECK_MS);
          window.addEventListener('focus', onFocus);
        } else if (!expired && dialog.open) {
          dialog.close();
          this.stopRecheck(onFocus);
        }
      });
    });
    inject(DestroyRef).onDestroy(() => this.stopRecheck(onFocus));
  }

  protected async submit(): Promise<void> {
    if (!this.email.trim() || !this.passwordText) {
      this.error.set('Fyll i både e-postadress och lösenord.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.done(await this.auth.login(this.email, this.passwordText));
    } catch (error) {
      this.error.set(errorMessage(error));
      this.passwordText = '';
    } finally {
      this.busy.set(false);
    }
  }

  protected openOidc(): void {
    window.open(endpointPath(AUTH_API.oidcLogin, {}), '_blank');
    this.oidcOpened.set(true);
  }

  /** Leaves the page for the sign-in page (what is typed stays in this browser and is offered back). */
  protected toSignInPage(): void {
    const back = safeReturnPath(this.router.url);
    window.location.assign(`${SIGN_IN_PATH}?tillbaka=${encodeURIComponent(back)}`);
  }

  /** Signed in in another tab (the identity provider, or the sign-in page): the session is back. */
  private async lookAgain(): Promise<void> {
    if (!this.keeper.expired() || this.busy()) return;
    const user = await this.auth.check();
    if (user && this.keeper.expired()) this.done(user);
  }

  private done(user: Parameters<SessionKeeper['resumed']>[0]): void {
    // Someone else signed in: nothing of the other person's page may go on.
    if (!this.keeper.resumed(user)) window.location.assign('/');
  }

  private stopRecheck(onFocus: () => void): void {
    if (this.recheck !== null) clearInterval(this.recheck);
    this.recheck = null;
    window.removeEventListener('focus', onFocus);
  }
}
