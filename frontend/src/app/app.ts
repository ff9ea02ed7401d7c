import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

@Component({
  selector: 'rf-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule],
  template: `
    <a class="skip-link" href="#main">Hoppa till innehållet</a>
    <mat-toolbar class="app-bar" role="banner">
      <a class="brand" routerLink="/">Rapportflöde</a>
      <nav aria-label="Huvudmeny">
        <a routerLink="/organisation" routerLinkActive="active" ariaCurrentWhenActive="page">Organisation</a>
        <a routerLink="/status" routerLinkActive="active" ariaCurrentWhenActive="page">Systemstatus</a>
      </nav>
    </mat-toolbar>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    .app-bar {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      gap: 2rem;
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
export class App {}
