import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@rapportflode/domain';
import { catchError, EMPTY, filter, switchMap } from 'rxjs';
import { ApiClient } from './core/api-client';
import { AuthService } from './core/auth.service';
import { IdleWarningComponent } from './core/idle-warning.component';
import { SessionDialogComponent } from './core/session-dialog.component';

@Component({
  selector: 'rf-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, IdleWarningComponent, SessionDialogComponent],
  template: `
    <a class="skip-link" href="#main">Hoppa till innehållet</a>
    <mat-toolbar class="app-bar" role="banner">
      <a class="brand" routerLink="/">Rapportflöde</a>
      <nav aria-label="Huvudmeny">
        @if (auth.signedIn()) {
          <a routerLink="/uppgifter" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">Mina uppgifter</a>
          @if (auth.can('task.review')) {
            <a routerLink="/granskning" routerLinkActive="active" ariaCurrentWhenActive="page">Att granska</a>
          }
          @if (auth.can('task.read')) {
            <a routerLink="/cykler" routerLinkActive="active" ariaCurrentWhenActive="page">Rapportcykler</a>
          }
          @if (auth.can('template.read')) {
            <a routerLink="/admin/mallar" routerLinkActive="active" ariaCurrentWhenActive="page">Mallar</a>
          }
          <a routerLink="/notiser" routerLinkActive="active" ariaCurrentWhenActive="page"
            >Notiser@if (unread() > 0) {
              <span class="unread"> ({{ unread() }}<span class="visually-hidden"> olästa</span>)</span>
            }</a
          >
          <a routerLink="/organisation" routerLinkActive="active" ariaCurrentWhenActive="page">Organisation</a>
          @if (auth.can('users.read')) {
            <a routerLink="/admin/personer" routerLinkActive="active" ariaCurrentWhenActive="page">Personer</a>
          }
          @if (auth.can('organisation.manage')) {
            <a routerLink="/admin/import" routerLinkActive="active" ariaCurrentWhenActive="page">Import</a>
          }
          @if (auth.can('audit.read')) {
            <a routerLink="/admin/logg" routerLinkActive="active" ariaCurrentWhenActive="page">Ändringslogg</a>
          }
          @if (auth.can('system.manage')) {
            <a routerLink="/admin/utskick" routerLinkActive="active" ariaCurrentWhenActive="page">Utskick</a>
            <a routerLink="/admin/koer" routerLinkActive="active" ariaCurrentWhenActive="page">Köer</a>
            <a routerLink="/status" routerLinkActive="active" ariaCurrentWhenActive="page">Systemstatus</a>
          }
        }
      </nav>
      <span class="spacer"></span>
      @if (auth.user(); as user) {
        <div class="person" aria-label="Inloggad som">
          <span class="name">{{ user.name }}</span>
          <span class="roles">{{ roles() }}</span>
        </div>
        <button class="logout" type="button" (click)="logout()">Logga ut</button>
      }
    </mat-toolbar>
    <rf-idle-warning />
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
    <rf-session-dialog />
  `,
  styles: `
    .app-bar {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      gap: 2rem;
      flex-wrap: wrap;
      height: auto;
      min-height: 64px;
    }
    .app-bar a {
      color: inherit;
      text-decoration: none;
    }
    .brand {
      font: var(--mat-sys-title-large);
    }
    nav {
      display: flex;
      gap: 1.5rem;
      font: var(--mat-sys-label-large);
    }
    nav a.active {
      text-decoration: underline;
      text-underline-offset: 6px;
    }
    .spacer {
      flex: 1;
    }
    .person {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      line-height: 1.2;
    }
    .person .name {
      font: var(--mat-sys-label-large);
    }
    .person .roles {
      font: var(--mat-sys-body-small);
      max-width: 28rem;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .logout {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-primary);
      background: transparent;
      border: 1px solid var(--mat-sys-on-primary);
      border-radius: 1.25rem;
      padding: 0.5rem 1rem;
      cursor: pointer;
    }
    .logout:hover {
      background: rgb(255 255 255 / 12%);
    }
    .skip-link {
      position: absolute;
      left: -999px;
      top: 0;
      z-index: 10;
      padding: 0.5rem 1rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
    }
    .skip-link:focus {
      left: 0.5rem;
    }
    main {
      max-width: 72rem;
      margin: 0 auto;
      padding: 1.5rem;
    }
    main:focus {
      outline: none;
    }
  `,
})
export class App {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly api = inject(ApiClient);

  /** e.g. "Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun)" */
  protected readonly roles = computed(() =>
    (this.auth.user()?.roles ?? []).map((r) => `${ROLE_LABELS[r.role]} – ${r.scopeName}`).join('; '),
  );

  /** Unread in-app notifications, refreshed on every navigation. */
  protected readonly unread = signal(0);

  constructor() {
    void this.auth.ensureLoaded().catch(() => undefined);
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        filter(() => this.auth.signedIn()),
        switchMap(() => this.api.notifications().pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.unread.set(list.unread));
  }

  protected async logout(): Promise<void> {
    await this.auth.logout().catch(() => undefined);
    await this.router.navigate(['/logga-in']);
  }
}
