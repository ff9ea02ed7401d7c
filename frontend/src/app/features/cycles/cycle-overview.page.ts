import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { CycleOverviewDto, CycleSummaryDto } from '@rapportflode/api-contract';
import {
  CYCLE_DATE_LABELS,
  CycleDates,
  daysLateLabel,
  OVERVIEW_FILTER_LABELS,
  OVERVIEW_FILTERS,
  OverviewFilter,
  REPORT_KIND_LABELS,
  ReminderConfig,
  swedishToday,
  TASK_STATE_LABELS,
} from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import {
  abbreviate,
  buildMatrix,
  checkCycleChange,
  CYCLE_DATE_KEYS,
  CycleChangeForm,
  cycleChangeForm,
  emptyFilterText,
  isOverviewFilter,
  periodText,
  progressText,
} from './cycle-view';
import {
  checkReminderForm,
  holidaysSkipped,
  hourText,
  isDefaultReminderConfig,
  longDateText,
  REMINDER_HOURS,
  ReminderForm,
  reminderForm,
  reminderPreview,
  reminderSaveErrors,
  reminderSummary,
  sameReminderConfig,
} from './reminder-settings';

const HEADER_LENGTH = 26;

/**
 * One report cycle at a glance: its facts and the matrix of units × sections with each task's
 * state, deadline and lateness; the secretary changes the dates here.
 */
@Component({
  selector: 'rf-cycle-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    RouterLink,
  ],
  template: `
    <p class="back"><a routerLink="/cykler">Alla rapportcykler</a></p>
    @if (data(); as overview) {
      @let cycle = overview.cycle;
      <h1>{{ cycle.title }}</h1>
      <p class="lead">{{ cycle.committeeName }} · {{ kindLabels[cycle.reportKind] }} · {{ period(cycle) }}</p>
      @if (auth.can('report.view')) {
        <p><a mat-stroked-button [routerLink]="['/cykler', cycle.id, 'rapport']">Sammanställ rapport</a></p>
      }
      @if (auth.can('memo.view')) {
        <p><a mat-stroked-button [routerLink]="['/cykler', cycle.id, 'tjansteskrivelse']">Tjänsteskrivelse</a></p>
      }

      <dl class="facts">
        <div>
          <dt>Diarienummer</dt>
          <dd>{{ cycle.diaryNumber }}</dd>
        </div>
        @for (key of dateKeys; track key) {
          <div>
            <dt>{{ dateLabels[key] }}</dt>
            <dd>{{ cycle[key] }}</dd>
          </div>
        }
        <div>
          <dt>Godkända avsnitt</dt>
          <dd>
            {{ progress(cycle.progress) }}
            @if (cycle.progress.late > 0) {
              · <span class="late">{{ cycle.progress.late }} försenade</span>
            }
          </dd>
        </div>
      </dl>

      <h2 id="matrix-heading">Avsnitt per enhet</h2>
      <mat-radio-group
        class="filter"
        aria-labelledby="filter-label"
        [value]="activeFilter()"
        (change)="setFilter($event.value)"
      >
        <span id="filter-label" class="filter-label">Visa</span>
        @for (filter of filters; track filter) {
          <mat-radio-button [value]="filter">{{ filterLabels[filter] }}</mat-radio-button>
        }
      </mat-radio-group>
      @if (overviewResource.isLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Hämtar översikten" />
      }
      <p class="visually-hidden" role="status">{{ matrixStatus() }}</p>

      @if (rows().length === 0) {
        <p>{{ emptyText(overview.filter) }}</p>
      } @else {
        <div class="scroll" role="region" aria-labelledby="matrix-caption" tabindex="0">
          <table class="data matrix">
            <caption id="matrix-caption">
              Avsnitt per enhet, {{ filterLabels[overview.filter].toLowerCase() }}: status, deadline och
              förseningar
            </caption>
            <thead>
              <tr>
                <th scope="col" class="unit-col">Enhet</th>
                @for (section of overview.sections; track section.id) {
                  <th scope="col" class="section-col" [class.sub]="section.depth > 1">
                    <span aria-hidden="true" [title]="section.number + ' ' + section.title"
                      >{{ section.number }} {{ short(section.title) }}</span
                    >
                    <span class="visually-hidden">{{ section.number }} {{ section.title }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.key) {
                <tr>
                  <th scope="row" class="unit-col">
                    <span class="unit-name">{{ row.unit.name }}</span>
                    @if (row.unit.path) {
                      <span class="path">{{ row.unit.path }}</span>
                    }
                    <span class="unit-progress">{{ progress(row.unit.progress) }}</span>
                  </th>
                  @for (cell of row.cells; track cell.section.id) {
                    @if (cell.task; as task) {
                      <td [class.is-late]="task.daysLate > 0" [attr.title]="reviewersText(task.reviewers)">
                        <a
                          [routerLink]="['/uppgifter', task.id]"
                          [class]="'state-badge state-' + task.state"
                          [attr.aria-label]="
                            stateLabels[task.state] + ': ' + cell.section.number + ' ' + cell.section.title + ', ' + row.unit.name
                          "
                          >{{ stateLabels[task.state] }}</a
                        >
                        <span class="deadline"><span class="visually-hidden">Deadline </span>{{ task.deadline }}</span>
                        @if (task.daysLate > 0) {
                          <span class="late">{{ lateText(task.daysLate) }}</span>
                        }
                        <span class="visually-hidden">{{ reviewersText(task.reviewers) }}</span>
                      </td>
                    } @else {
                      <td class="empty">
                        <span aria-hidden="true">–</span>
                        <span class="visually-hidden">{{
                          overview.filter === 'all' ? 'Levereras inte' : 'Inget i urvalet'
                        }}</span>
                      </td>
                    }
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      @if (canImport() && economySections().length > 0) {
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">Ekonomi från ekonomisystemet</h2>
          <ul>
            @for (section of economySections(); track section.id) {
              <li>
                <a
                  [routerLink]="['/cykler', cycle.id, 'import', section.id]"
                  [attr.aria-label]="'Importera från ekonomisystemet: ' + section.number + ' ' + section.title"
                  >Importera från ekonomisystemet</a
                >
                <span aria-hidden="true"> – {{ section.number }} {{ section.title }}</span>
              </li>
            }
          </ul>
        </section>
      }

      @if (overview.canManage) {
        <section class="change" aria-labelledby="change-heading">
          <h2 id="change-heading">Ändra datum</h2>
          <p class="hint">
            Gäller alla avsnitt utom de som fått en egen deadline. Påminnelser flyttas med. En enskild uppgifts deadline
            ändras på uppgiftens sida.
          </p>
          @if (changeForm(); as form) {
            <form (ngSubmit)="saveChange()" novalidate>
              <div class="change-fields">
                <mat-form-field appearance="outline">
                  <mat-label>Diarienummer</mat-label>
                  <input
                    matInput
                    name="diaryNumber"
                    autocomplete="off"
                    required
                    [ngModel]="form.diaryNumber"
                    (ngModelChange)="setField('diaryNumber', $event)"
                  />
                </mat-form-field>
                @for (key of dateKeys; track key) {
                  <mat-form-field appearance="outline">
                    <mat-label>{{ dateLabels[key] }}</mat-label>
                    <input
                      matInput
                      type="date"
                      required
                      [name]="'change-' + key"
                      [ngModel]="form[key]"
                      (ngModelChange)="setField(key, $event)"
                    />
                  </mat-form-field>
                }
              </div>
              @if (changeErrors().length > 0) {
                <div class="error" role="alert">
                  <ul>
                    @for (error of changeErrors(); track error) {
                      <li>{{ error }}</li>
                    }
                  </ul>
                </div>
              }
              <p class="notice" role="status" [class.shown]="changeNotice()">{{ changeNotice() }}</p>
              <div class="form-actions">
                <button matButton="filled" type="submit" [attr.aria-busy]="busy() || null">Spara datum</button>
                <button matButton="outlined" type="button" (click)="resetChange()">Återställ</button>
              </div>
            </form>
          }
        </section>
      }

      <section class="reminders" aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Påminnelser</h2>
        <p data-testid="reminder-summary">
          {{ reminderSummary(cycle.reminderConfig) }}
          @if (reminderIsDefault(cycle.reminderConfig)) {
            <span class="hint">(standardinställningarna)</span>
          }
        </p>

        <h3 id="preview-heading">Nästa påminnelser</h3>
        <p class="hint">
          För avsnitt med rapportcykelns sista dag för inlämning, {{ longDate(cycle.submissionDeadline) }}, som inte
          lämnats in. Påminnelser går bara ut på arbetsdagar; en som skulle ha hamnat på en helgdag går ut arbetsdagen
          före (efter sista dagen: arbetsdagen efter).
          @if (previewFromForm()) {
            <strong>Visar de ändrade inställningarna i formuläret, som inte är sparade än.</strong>
          }
        </p>
        @if (preview().length === 0) {
          <p>Inga påminnelser före eller efter sista dagen.</p>
        } @else {
          <table class="data preview" aria-labelledby="preview-heading" data-testid="reminder-preview">
            <thead>
              <tr>
                <th scope="col">Går ut</th>
                <th scope="col">Påminnelse</th>
                <th scope="col">Till</th>
              </tr>
            </thead>
            <tbody>
              @for (row of preview(); track row.kind + row.date) {
                <tr [class.past]="row.past">
                  <td>
                    {{ row.when }}
                    @if (row.past) {
                      <span class="hint">(har passerat)</span>
                    }
                  </td>
                  <td>{{ row.what }}</td>
                  <td>{{ row.to }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @if (skippedHolidays().length > 0) {
          <p class="hint">Helgdagar som inte räknas som arbetsdagar: {{ skippedHolidays().join('; ') }}.</p>
        }

        @if (overview.canManage) {
          @if (reminderForm(); as form) {
            <h3 id="reminder-form-heading">Ändra påminnelser</h3>
            <form (ngSubmit)="saveReminders()" novalidate aria-labelledby="reminder-form-heading">
              <div class="change-fields">
                <mat-form-field appearance="outline">
                  <mat-label>Arbetsdagar före sista dagen</mat-label>
                  <input
                    matInput
                    name="beforeDeadline"
                    autocomplete="off"
                    [ngModel]="form.beforeDeadline"
                    (ngModelChange)="setReminderField('beforeDeadline', $event)"
                  />
                  <mat-hint>Kommaseparerade, t.ex. 5, 1</mat-hint>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>Arbetsdagar efter sista dagen</mat-label>
                  <input
                    matInput
                    name="afterDeadline"
                    autocomplete="off"
                    [ngModel]="form.afterDeadline"
                    (ngModelChange)="setReminderField('afterDeadline', $event)"
                  />
                  <mat-hint>Går även till granskare och nämndsekreterare</mat-hint>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>Klockslag</mat-label>
                  <select
                    matNativeControl
                    name="hour"
                    [ngModel]="form.hour"
                    (ngModelChange)="setReminderField('hour', $event)"
                  >
                    @for (hour of hours; track hour) {
                      <option [ngValue]="hour">{{ hourLabel(hour) }}</option>
                    }
                  </select>
                </mat-form-field>
                <mat-form-field appearance="outline">
                  <mat-label>Påminn granskare efter (arbetsdagar)</mat-label>
                  <input
                    matInput
                    name="reviewNudgeAfter"
                    inputmode="numeric"
                    autocomplete="off"
                    [ngModel]="form.reviewNudgeAfter"
                    (ngModelChange)="setReminderField('reviewNudgeAfter', $event)"
                  />
                  <mat-hint>Tomt: ingen påminnelse om granskning</mat-hint>
                </mat-form-field>
              </div>
              <mat-checkbox
                name="onDeadline"
                [ngModel]="form.onDeadline"
                (ngModelChange)="setReminderField('onDeadline', $event)"
                >Påminnelse på sista dagen</mat-checkbox
              >
              <div aria-live="polite">
                @if (reminderErrors().length > 0) {
                  <div class="error" data-testid="reminder-errors">
                    <p>Påminnelserna kan inte sparas så här:</p>
                    <ul>
                      @for (error of reminderErrors(); track error) {
                        <li>{{ error }}</li>
                      }
                    </ul>
                  </div>
                }
              </div>
              @if (reminderServerErrors().length > 0) {
                <div class="error" role="alert">
                  <ul>
                    @for (error of reminderServerErrors(); track error) {
                      <li>{{ error }}</li>
                    }
                  </ul>
                </div>
              }
              <p class="notice" role="status" [class.shown]="reminderNotice()">{{ reminderNotice() }}</p>
              <div class="form-actions">
                <button matButton="filled" type="submit" [attr.aria-busy]="reminderBusy() || null">
                  Spara påminnelser
                </button>
                <button matButton="outlined" type="button" (click)="resetReminders()">Återställ standard</button>
              </div>
            </form>
          }
        }
      </section>
    } @else if (overviewResource.error(); as error) {
      @if (notFound(error)) {
        <h1>Översikten kan inte visas</h1>
        <div class="error" role="alert">
          <p>
            Rapportcykeln finns inte, eller så har du inte tillgång till nämndens översikt. Översikten visas för dem som
            följer hela nämndens arbete, till exempel nämndsekreterare och förvaltningsekonomer.
          </p>
        </div>
        <p>Avsnitt som du själv ska skriva eller granska hittar du under <a routerLink="/uppgifter">Mina uppgifter</a>.</p>
      } @else {
        <h1>Rapportcykel</h1>
        <div class="error" role="alert">
          <p>Översikten kunde inte hämtas. {{ message(error) }}</p>
          <button matButton="outlined" type="button" (click)="overviewResource.reload()">Försök igen</button>
        </div>
      }
    } @else {
      <h1>Rapportcykel</h1>
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar översikten" />
    }
  `,
  styles: `
    .back {
      margin: 0 0 0.5rem;
    }
    .lead,
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin-top: 2rem;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem 1.5rem;
      margin: 1rem 0;
    }
    .facts dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .filter {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 0.5rem;
      margin-bottom: 0.5rem;
    }
    .filter-label {
      font: var(--mat-sys-label-large);
      margin-right: 0.5rem;
    }
    .matrix caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding-bottom: 0.5rem;
    }
    .matrix th,
    .matrix td {
      padding: 0.5rem 0.75rem 0.5rem 0;
    }
    .section-col {
      min-width: 8rem;
      max-width: 11rem;
      font: var(--mat-sys-label-medium);
      vertical-align: bottom;
    }
    .section-col.sub {
      font-weight: 400;
    }
    .unit-col {
      min-width: 12rem;
      position: sticky;
      left: 0;
      background: var(--mat-sys-surface);
      z-index: 1;
    }
    .unit-name {
      display: block;
      font-weight: 600;
    }
    .path,
    .unit-progress {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .unit-progress {
      font-weight: 400;
    }
    td .state-badge {
      font: var(--mat-sys-label-medium);
    }
    .deadline,
    td .late {
      display: block;
      margin-top: 0.25rem;
      font: var(--mat-sys-body-small);
      font-variant-numeric: tabular-nums;
    }
    td .late {
      font-weight: 700;
    }
    td.is-late {
      box-shadow: inset 3px 0 0 var(--mat-sys-error);
      padding-left: 0.5rem;
    }
    td.empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .change-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .change-fields mat-form-field {
      flex: 1 1 16rem;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin-top: 1.5rem;
    }
    .preview th,
    .preview td {
      padding: 0.375rem 1rem 0.375rem 0;
      text-align: left;
      font-variant-numeric: tabular-nums;
    }
    .preview tr.past {
      color: var(--mat-sys-on-surface-variant);
    }
    .reminders mat-checkbox {
      display: block;
      margin: 0.5rem 0 1rem;
    }
  `,
})
export class CycleOverviewPage {
  private readonly api = inject(ApiClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** The route's `:id`. */
  readonly id = input.required<string>();
  /** The `?filter=` query parameter. */
  readonly filter = input<string>();

  protected readonly activeFilter = computed<OverviewFilter>(() => {
    const filter = this.filter();
    return isOverviewFilter(filter) ? filter : 'all';
  });

  protected readonly overviewResource = rxResource({
    params: () => ({ id: this.id(), filter: this.activeFilter() }),
    stream: ({ params }) => this.api.cycleOverview(params.id, params.filter),
  });

  /** The overview shown: while a new filter loads, the previous one stays (and the focus with it). */
  protected readonly data = linkedSignal<
    { value: CycleOverviewDto | undefined; loading: boolean; id: string },
    CycleOverviewDto | null
  >({
    source: () => ({
      value: this.overviewResource.hasValue() ? this.overviewResource.value() : undefined,
      loading: this.overviewResource.isLoading(),
      id: this.id(),
    }),
    computation: (source, previous) => {
      if (source.value) return source.value;
      const kept = previous?.value;
      return source.loading && kept && kept.cycle.id === source.id ? kept : null;
    },
  });

  protected readonly auth = inject(AuthService);
  /** The economy sections, each with a link to import its figures (the server checks the nämnd). */
  protected readonly economySections = computed(() => this.data()?.sections.filter((s) => s.kind === 'economy') ?? []);
  protected readonly canImport = computed(() => this.auth.can('economy.import'));

  protected readonly rows = computed(() => {
    const overview = this.data();
    return overview ? buildMatrix(overview) : [];
  });
  protected readonly matrixStatus = computed(() => {
    const overview = this.data();
    if (!overview || this.overviewResource.isLoading()) return '';
    const label = OVERVIEW_FILTER_LABELS[overview.filter];
    return `${label}: ${overview.tasks.length} avsnitt hos ${this.rows().length} ${this.rows().length === 1 ? 'enhet' : 'enheter'}.`;
  });

  /** The cycle as far as the change form cares: a new version (saved, or changed by someone else) resets the form. */
  private readonly cycle = computed<CycleSummaryDto | null>(() => this.data()?.cycle ?? null, {
    equal: (a, b) => a?.id === b?.id && a?.version === b?.version,
  });
  protected readonly changeForm = linkedSignal<CycleChangeForm | null>(() => {
    const cycle = this.cycle();
    return cycle ? cycleChangeForm(cycle) : null;
  });
  protected readonly changeErrors = signal<string[]>([]);
  protected readonly changeNotice = signal('');
  protected readonly busy = signal(false);

  /** The reminder form, reset by a new version of the cycle like the date form. */
  protected readonly reminderForm = linkedSignal<ReminderForm | null>(() => {
    const cycle = this.cycle();
    return cycle ? reminderForm(cycle.reminderConfig) : null;
  });
  /** Checked live with checkReminderConfig: the server's own messages. */
  private readonly reminderCheck = computed(() => {
    const form = this.reminderForm();
    return form ? checkReminderForm(form) : null;
  });
  protected readonly reminderErrors = computed(() => {
    const check = this.reminderCheck();
    return check && !check.ok ? check.errors : [];
  });
  protected readonly reminderServerErrors = signal<string[]>([]);
  protected readonly reminderNotice = signal('');
  protected readonly reminderBusy = signal(false);

  /** The settings the preview uses: the form's while it is valid and changed, else those in force. */
  private readonly previewConfig = computed<{ config: ReminderConfig; fromForm: boolean } | null>(() => {
    const cycle = this.cycle();
    if (!cycle) return null;
    const check = this.reminderCheck();
    if (this.data()?.canManage && check?.ok && !sameReminderConfig(check.config, cycle.reminderConfig)) {
      return { config: check.config, fromForm: true };
    }
    return { config: cycle.reminderConfig, fromForm: false };
  });
  protected readonly previewFromForm = computed(() => this.previewConfig()?.fromForm ?? false);
  protected readonly preview = computed(() => {
    const cycle = this.cycle();
    const preview = this.previewConfig();
    return cycle && preview ? reminderPreview(cycle.submissionDeadline, preview.config, swedishToday()) : [];
  });
  protected readonly skippedHolidays = computed(() => {
    const cycle = this.cycle();
    return cycle ? holidaysSkipped(this.preview(), cycle.submissionDeadline) : [];
  });

  protected readonly hours = REMINDER_HOURS;
  protected readonly hourLabel = hourText;
  protected readonly longDate = longDateText;
  protected readonly reminderSummary = reminderSummary;
  protected readonly reminderIsDefault = isDefaultReminderConfig;

  protected readonly filters = OVERVIEW_FILTERS;
  protected readonly filterLabels = OVERVIEW_FILTER_LABELS;
  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly kindLabels = REPORT_KIND_LABELS;
  protected readonly dateKeys = CYCLE_DATE_KEYS;
  protected readonly dateLabels = CYCLE_DATE_LABELS;
  protected readonly period = periodText;
  protected readonly progress = progressText;
  protected readonly lateText = daysLateLabel;
  protected readonly emptyText = emptyFilterText;
  protected readonly message = errorMessage;

  protected short(title: string): string {
    return abbreviate(title, HEADER_LENGTH);
  }

  protected reviewersText(reviewers: readonly string[]): string {
    return reviewers.length ? `Granskas av ${reviewers.join(', ')}` : 'Ingen granskare utsedd';
  }

  protected notFound(error: unknown): boolean {
    return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
  }

  protected setFilter(filter: OverviewFilter): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { filter: filter === 'all' ? null : filter },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected setField(key: keyof CycleDates | 'diaryNumber', value: string): void {
    this.changeForm.update((form) => (form ? { ...form, [key]: value ?? '' } : form));
  }

  protected resetChange(): void {
    const cycle = this.cycle();
    this.changeForm.set(cycle ? cycleChangeForm(cycle) : null);
    this.changeErrors.set([]);
    this.changeNotice.set('');
  }

  protected setReminderField<K extends keyof ReminderForm>(key: K, value: ReminderForm[K]): void {
    this.reminderForm.update((form) => (form ? { ...form, [key]: value } : form));
    this.reminderServerErrors.set([]);
    this.reminderNotice.set('');
  }

  protected async saveReminders(): Promise<void> {
    const check = this.reminderCheck();
    const cycle = this.cycle();
    if (!check || !cycle || this.reminderBusy()) return;
    this.reminderNotice.set('');
    if (!check.ok) return;
    if (sameReminderConfig(check.config, cycle.reminderConfig)) {
      this.reminderServerErrors.set([]);
      this.reminderNotice.set('Inget är ändrat.');
      return;
    }
    await this.sendReminders(cycle, check.config, 'Påminnelserna sparades.');
  }

  /** Back to the defaults, saved at once (reminderConfig null). */
  protected async resetReminders(): Promise<void> {
    const cycle = this.cycle();
    if (!cycle || this.reminderBusy()) return;
    if (isDefaultReminderConfig(cycle.reminderConfig)) {
      // Nothing to save (the server would say so): the form back to what is in force.
      this.reminderForm.set(reminderForm(cycle.reminderConfig));
      this.reminderServerErrors.set([]);
      this.reminderNotice.set('Standardinställningarna gäller redan.');
      return;
    }
    await this.sendReminders(cycle, null, 'Standardinställningarna för påminnelser gäller igen.');
  }

  private async sendReminders(cycle: CycleSummaryDto, config: ReminderConfig | null, notice: string): Promise<void> {
    this.reminderServerErrors.set([]);
    this.reminderBusy.set(true);
    try {
      await firstValueFrom(this.api.updateCycle(cycle.id, { version: cycle.version, reminderConfig: config }));
      this.reminderNotice.set(notice);
      this.overviewResource.reload();
    } catch (error) {
      this.reminderServerErrors.set(reminderSaveErrors(error));
      if (error instanceof HttpErrorResponse && error.status === 409) this.overviewResource.reload();
    } finally {
      this.reminderBusy.set(false);
    }
  }

  protected async saveChange(): Promise<void> {
    const cycle = this.cycle();
    const form = this.changeForm();
    if (!cycle || !form || this.busy()) return;
    this.changeNotice.set('');
    const checked = checkCycleChange(cycle, form);
    if (!checked.ok) {
      this.changeErrors.set(checked.errors);
      return;
    }
    if (!checked.changed) {
      this.changeErrors.set([]);
      this.changeNotice.set('Inget är ändrat.');
      return;
    }
    this.changeErrors.set([]);
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.updateCycle(cycle.id, checked.request));
      this.changeNotice.set('Ändringarna sparades.');
      this.overviewResource.reload();
    } catch (error) {
      const conflict = error instanceof HttpErrorResponse && error.status === 409;
      this.changeErrors.set([
        conflict
          ? `${errorMessage(error)} Uppgifterna har hämtats på nytt: gör din ändring igen om den fortfarande behövs.`
          : errorMessage(error),
      ]);
      if (conflict) this.overviewResource.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
