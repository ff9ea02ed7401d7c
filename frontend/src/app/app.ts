import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@rapportflode/domain';
import { catchError, EMPTY, filter, switchMap, tap } from 'rxjs';
import { ApiClient } from './core/api-client';
import { AuthService } from './core/auth.service';
import { IdleWarningComponent } from './core/idle-warning.component';
import { SessionDialogComponent } from './core/session-dialog.component';

type Panel = 'menu' | 'person';

/**
 * The shell: a header of one row (the brand, the main menu, the person menu) and the page. Where
 * the menu's items do not fit in that row (below 1100 px, or a person with many roles) it folds
 * into "Meny"; the person's name opens their roles and "Logga ut".
 * Both panels close on Escape (focus back on their button), on a click elsewhere and on navigation.
 */
@Component({
  selector: 'rf-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, IdleWarningComponent, SessionDialogComponent],
  host: {
    '(document:keydown.escape)': 'closeOnEscape()',
    '(document:click)': 'closeOnClickOutside($event)',
  },
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">Hoppa till innehållet</a>
    <header #bar class="app-bar" [class.folded]="folded()">
      <a class="brand" routerLink="/">Rapportflöde</a>
      @if (auth.user(); as user) {
        <button
          #menuButton
          class="bar-button menu-toggle"
          type="button"
          aria-controls="main-menu"
          [attr.aria-expanded]="open() === 'menu'"
          (click)="toggle('menu')"
        >
          <span class="burger" aria-hidden="true"></span>Meny
          @if (unread() > 0) {
            <span class="unread-dot"><span class="visually-hidden">, </span>{{ unread() }}<span class="visually-hidden"> olästa notiser</span></span>
          }
        </button>
        <nav id="main-menu" aria-label="Huvudmeny" [class.open]="open() === 'menu'">
          <ul #menuList>
            <li><a routerLink="/uppgifter" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">Mina uppgifter</a></li>
            @if (auth.can('task.review')) {
              <li><a routerLink="/granskning" routerLinkActive="active" ariaCurrentWhenActive="page">Att granska</a></li>
            }
            @if (auth.can('task.read')) {
              <li><a routerLink="/cykler" routerLinkActive="active" ariaCurrentWhenActive="page">Rapportcykler</a></li>
            }
            @if (auth.can('meeting.read')) {
              <li><a routerLink="/sammantraden" routerLinkActive="active" ariaCurrentWhenActive="page">Sammanträden</a></li>
            }
            @if (auth.can('template.read')) {
              <li><a routerLink="/admin/mallar" routerLinkActive="active" ariaCurrentWhenActive="page">Mallar</a></li>
            }
            <li>
              <a routerLink="/notiser" routerLinkActive="active" ariaCurrentWhenActive="page"
                >Notiser@if (unread() > 0) {
                  <span class="unread"> ({{ unread() }}<span class="visually-hidden"> olästa</span>)</span>
                }</a
              >
            </li>
            <li><a routerLink="/organisation" routerLinkActive="active" ariaCurrentWhenActive="page">Organisation</a></li>
            @if (auth.can('users.read')) {
              <li><a routerLink="/admin/personer" routerLinkActive="active" ariaCurrentWhenActive="page">Personer</a></li>
            }
            @if (auth.can('organisation.manage')) {
              <li><a routerLink="/admin/import" routerLinkActive="active" ariaCurrentWhenActive="page">Import</a></li>
            }
            @if (auth.can('audit.read')) {
              <li><a routerLink="/admin/logg" routerLinkActive="active" ariaCurrentWhenActive="page">Ändringslogg</a></li>
            }
            @if (auth.can('system.manage')) {
              <li><a routerLink="/admin/utskick" routerLinkActive="active" ariaCurrentWhenActive="page">Utskick</a></li>
              <li><a routerLink="/admin/koer" routerLinkActive="active" ariaCurrentWhenActive="page">Köer</a></li>
              <li><a routerLink="/status" routerLinkActive="active" ariaCurrentWhenActive="page">Systemstatus</a></li>
            }
          </ul>
        </nav>
        <div class="person">
          <button
            #personButton
            class="bar-button person-toggle"
            type="button"
            aria-controls="person-menu"
            [attr.aria-expanded]="open() === 'person'"
            (click)="toggle('person')"
          >
            <span class="person-name">{{ user.name }}</span><span class="chevron" aria-hidden="true"></span>
          </button>
          <div id="person-menu" class="person-panel" role="group" aria-label="Inloggad som" [hidden]="open() !== 'person'">
            <p class="panel-name">{{ user.name }}</p>
            <ul class="roles">
              @for (role of roles(); track $index) {
                <li>{{ role }}</li>
              }
            </ul>
            <button class="logout" type="button" (click)="logout()">Logga ut</button>
          </div>
        </div>
      }
    </header>
    <rf-idle-warning />
    <main #main id="main" tabindex="-1">
      <router-outlet />
    </main>
    <rf-session-dialog />
  `,
  styles: `
    :host {
      --bar-height: 3.5rem;
    }
    .app-bar {
      position: relative;
      z-index: 20;
      display: flex;
      align-items: center;
      gap: 1.5rem;
      min-height: var(--bar-height);
      padding: 0 1rem;
      box-sizing: border-box;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .app-bar a {
      color: inherit;
      text-decoration: none;
    }
    .brand {
      font: var(--mat-sys-title-large);
      white-space: nowrap;
    }
    nav {
      flex: 1;
      min-width: 0;
    }
    nav ul {
      display: flex;
      flex-wrap: nowrap;
      gap: 0.25rem 1.125rem;
      margin: 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-label-large);
    }
    nav a {
      display: block;
      padding: 0.5rem 0;
      white-space: nowrap;
    }
    nav a.active {
      text-decoration: underline;
      text-underline-offset: 6px;
    }
    .bar-button {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-primary);
      background: transparent;
      border: 1px solid var(--mat-sys-on-primary);
      border-radius: 1.25rem;
      padding: 0.4375rem 0.875rem;
      cursor: pointer;
      white-space: nowrap;
    }
    .bar-button:hover,
    .bar-button[aria-expanded='true'] {
      background: rgb(255 255 255 / 16%);
    }
    .menu-toggle {
      display: none;
    }
    .burger,
    .burger::before,
    .burger::after {
      display: block;
      width: 1rem;
      height: 2px;
      background: currentColor;
    }
    .burger {
      position: relative;
    }
    .burger::before,
    .burger::after {
      content: '';
      position: absolute;
      left: 0;
    }
    .burger::before {
      top: -5px;
    }
    .burger::after {
      top: 5px;
    }
    .unread-dot {
      min-width: 1.25rem;
      padding: 0 0.25rem;
      box-sizing: border-box;
      border-radius: 0.625rem;
      background: var(--mat-sys-on-primary);
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-small);
      line-height: 1.25rem;
      text-align: center;
    }
    .person {
      position: relative;
      margin-left: auto;
      min-width: 0;
    }
    .person-toggle {
      max-width: 16rem;
    }
    .person-name {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .chevron {
      width: 0.5rem;
      height: 0.5rem;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: translateY(-2px) rotate(45deg);
      flex: none;
    }
    .person-panel {
      position: absolute;
      right: 0;
      top: calc(100% + 0.5rem);
      width: max-content;
      max-width: min(28rem, calc(100vw - 2rem));
      padding: 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      box-shadow: var(--mat-sys-level3);
    }
    .panel-name {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .roles {
      margin: 0 0 1rem;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .logout {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
      background: transparent;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 1.25rem;
      padding: 0.5rem 1rem;
      cursor: pointer;
    }
    .logout:hover {
      background: var(--mat-sys-surface-container-highest);
    }
    /* Too narrow for every menu item in one row (App.folded): the menu folds into "Meny". */
    .folded .menu-toggle {
      display: inline-flex;
      order: 3;
    }
    .folded .person {
      order: 2;
      position: static;
    }
    /* Under the header's right edge, whatever sits beside the person's button. */
    .folded .person-panel {
      right: 0.5rem;
      top: calc(100% + 0.25rem);
      max-width: calc(100vw - 1rem);
      box-sizing: border-box;
    }
    .folded nav {
      display: none;
      position: absolute;
      top: calc(100% + 0.25rem);
      right: 0.5rem;
      width: min(20rem, calc(100vw - 1rem));
      border-radius: 0.5rem;
      max-height: calc(100vh - var(--bar-height));
      overflow-y: auto;
      background: var(--mat-sys-surface-container-high);
      box-shadow: var(--mat-sys-level3);
    }
    .folded nav.open {
      display: block;
    }
    .folded nav ul {
      flex-direction: column;
      padding: 0.5rem 0;
    }
    .app-bar.folded nav a {
      padding: 0.75rem 1.25rem;
      color: var(--mat-sys-on-surface);
    }
    .folded nav a.active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    @media (max-width: 600px) {
      .folded nav {
        top: 100%;
        right: 0;
        width: 100%;
        border-radius: 0;
      }
      .app-bar {
        gap: 0.5rem;
        padding: 0 0.5rem;
      }
      .brand {
        font: var(--mat-sys-title-medium);
      }
      .bar-button {
        padding: 0.375rem 0.625rem;
      }
      .person-toggle {
        max-width: 9rem;
      }
    }
    .skip-link {
      position: absolute;
      left: -999px;
      top: 0;
      z-index: 30;
      padding: 0.5rem 1rem;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
    }
    .skip-link:focus {
      left: 0.5rem;
    }
    main {
      max-width: 80rem;
      margin: 0 auto;
      padding: 1.5rem;
    }
    @media (max-width: 600px) {
      main {
        padding: 1rem 0.75rem;
      }
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly menuButton = viewChild<ElementRef<HTMLButtonElement>>('menuButton');
  private readonly personButton = viewChild<ElementRef<HTMLButtonElement>>('personButton');
  private readonly bar = viewChild.required<ElementRef<HTMLElement>>('bar');
  private readonly menuList = viewChild<ElementRef<HTMLElement>>('menuList');

  /** Below this width the menu is folded from the start, so that a phone never sees it unfolded. */
  private static readonly FOLD_BELOW = 1100;
  /** Whether the main menu is folded into "Meny" (measured: the items' width against the room left). */
  protected readonly folded = signal(typeof window !== 'undefined' && window.innerWidth <= App.FOLD_BELOW);
  /** The unfolded menu's width, measured while it was shown. */
  private menuWidth = 0;

  /** e.g. "Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun)", one per role. */
  protected readonly roles = computed(() => (this.auth.user()?.roles ?? []).map((r) => `${ROLE_LABELS[r.role]} – ${r.scopeName}`));

  /** Unread in-app notifications, refreshed on every navigation. */
  protected readonly unread = signal(0);

  /** The open panel of the header, if any. */
  protected readonly open = signal<Panel | null>(null);

  constructor() {
    void this.auth.ensureLoaded().catch(() => undefined);
    // Measured again whenever the items change (sign-in, roles) and when the window is resized.
    afterRenderEffect(() => {
      this.auth.user();
      this.fit();
    });
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const observer = new ResizeObserver(() => this.fit());
      observer.observe(this.bar().nativeElement);
      destroyRef.onDestroy(() => observer.disconnect());
    });
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        tap(() => this.open.set(null)),
        filter(() => this.auth.signedIn()),
        switchMap(() => this.api.notifications().pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((list) => this.unread.set(list.unread));
  }

  /** Folds the menu when its items need more room than the header has beside the brand and the person menu. */
  private fit(): void {
    const bar = this.bar().nativeElement;
    const list = this.menuList()?.nativeElement;
    if (!list) return;
    if (!this.folded()) this.menuWidth = list.scrollWidth;
    const others = Array.from(bar.children).filter((child) => child.tagName !== 'NAV' && !child.classList.contains('menu-toggle'));
    const gap = parseFloat(getComputedStyle(bar).columnGap) || 0;
    const padding = parseFloat(getComputedStyle(bar).paddingLeft) + parseFloat(getComputedStyle(bar).paddingRight);
    const room = bar.clientWidth - padding - others.reduce((sum, child) => sum + (child as HTMLElement).offsetWidth + gap, 0);
    const fold = window.innerWidth <= App.FOLD_BELOW || this.menuWidth > room;
    if (fold !== this.folded()) {
      this.folded.set(fold);
      if (!fold) this.open.update((panel) => (panel === 'menu' ? null : panel));
    }
  }

  protected toggle(panel: Panel): void {
    this.open.update((current) => (current === panel ? null : panel));
  }

  protected closeOnEscape(): void {
    const panel = this.open();
    if (!panel) return;
    this.open.set(null);
    (panel === 'menu' ? this.menuButton() : this.personButton())?.nativeElement.focus();
  }

  protected closeOnClickOutside(event: MouseEvent): void {
    const panel = this.open();
    if (!panel) return;
    const target = event.target as Node | null;
    const header = this.host.nativeElement.querySelector('header');
    if (target && header?.contains(target)) {
      const inside = panel === 'menu' ? '#main-menu, .menu-toggle' : '.person';
      if (Array.from(header.querySelectorAll(inside)).some((element) => element.contains(target))) return;
    }
    this.open.set(null);
  }

  /** The skip link moves focus itself: a plain "#main" would resolve against <base href> and leave the page. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async logout(): Promise<void> {
    this.open.set(null);
    await this.auth.logout().catch(() => undefined);
    await this.router.navigate(['/logga-in']);
  }
}
