import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AUTH_API, endpointPath } from '@rapportflode/api-contract';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { safeReturnPath } from '../../core/return-path';

@Component({
  selector: 'rf-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, RouterLink],
  template: `
    <section class="narrow-page" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Logga in</h1>
      @if (utgangen()) {
        <p class="message-ok" role="status">Sessionen har gått ut. Logga in igen.</p>
      }
      @if (fel()) {
        <p class="error" role="alert">{{ fel() }}</p>
      }
      @if (options.value()?.oidc?.enabled) {
        <a matButton="filled" class="oidc" [href]="oidcLogin">{{ options.value()?.oidc?.label }}</a>
        <p class="or">eller med e-post och lösenord</p>
      }
      <form (ngSubmit)="submit()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>E-postadress</mat-label>
          <input matInput name="email" type="email" autocomplete="username" required [(ngModel)]="email" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Lösenord</mat-label>
          <input matInput name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" />
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <button matButton="filled" type="submit" [disabled]="busy()">Logga in</button>
      </form>
      <p><a routerLink="/glomt-losenord">Glömt lösenordet?</a></p>
    </section>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .oidc {
      width: 100%;
    }
    .or {
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);

  /** Where to go after signing in (query parameter). */
  readonly tillbaka = input<string>();
  /** Set when the session expired. */
  readonly utgangen = input<string>();
  /** An error from the identity provider's return trip. */
  readonly fel = input<string>();

  protected readonly options = rxResource({ stream: () => this.api.authOptions() });
  protected readonly oidcLogin = endpointPath(AUTH_API.oidcLogin, {});
  protected email = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!this.email.trim() || !this.password) {
      this.error.set('Fyll i både e-postadress och lösenord.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.email, this.password);
      // A same-origin path, never the sign-in page again (a nested return address is unwrapped).
      await this.router.navigateByUrl(safeReturnPath(this.tillbaka()));
    } catch (error) {
      this.error.set(errorMessage(error));
      this.password = '';
    } finally {
      this.busy.set(false);
    }
  }
}
