import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { CYCLE_DATE_LABELS, CycleDates, swedishToday } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { checkNewCycle, CYCLE_DATE_KEYS, periodText, progressText } from './cycle-view';

@Component({
  selector: 'rf-cycles-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink],
  template: `
    <h1>Rapportcykler</h1>
    <p class="lead">En rapportcykel är en nämnds arbete med en rapport: avsnitt, enheter, tidsplan och hur långt arbetet har kommit.</p>

    <h2 id="cycles-heading">Alla rapportcykler</h2>
    @if (cycles.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Hämtar rapportcyklerna" />
    }
    @if (cycles.error(); as error) {
      <div class="error" role="alert">
        <p>Rapportcyklerna kunde inte hämtas. {{ message(error) }}</p>
        <button matButton="outlined" type="button" (click)="cycles.reload()">Försök igen</button>
      </div>
    }
    @if (cycles.hasValue()) {
      @if (cycles.value().cycles.length === 0) {
        <p>
          Det finns inga rapportcykler att visa. Här visas cyklerna för de nämnder du följer som helhet; avsnitt du själv
          ska skriva hittar du under <a routerLink="/uppgifter">Mina uppgifter</a>.
        </p>
      } @else {
        <div class="scroll" role="region" aria-labelledby="cycles-heading" tabindex="0">
          <table class="data">
            <caption class="visually-hidden">Rapportcykler med tidsplan och hur många avsnitt som är godkända</caption>
            <thead>
              <tr>
                <th scope="col">Rapportcykel</th>
                <th scope="col">Nämnd</th>
                <th scope="col">Period</th>
                <th scope="col">Diarienummer</th>
                <th scope="col">Inlämning senast</th>
                <th scope="col">Sammanträde</th>
                <th scope="col">Godkända avsnitt</th>
              </tr>
            </thead>
            <tbody>
              @for (cycle of cycles.value().cycles; track cycle.id) {
                <tr>
                  <th scope="row"><a [routerLink]="['/cykler', cycle.id]">{{ cycle.title }}</a></th>
                  <td>{{ cycle.committeeName }}</td>
                  <td class="nowrap">{{ period(cycle) }}</td>
                  <td class="nowrap">{{ cycle.diaryNumber }}</td>
                  <td class="nowrap">{{ cycle.submissionDeadline }}</td>
                  <td class="nowrap">{{ cycle.meetingDate }}</td>
                  <td>
                    {{ progress(cycle.progress) }}
                    <span class="bar" aria-hidden="true"><span [style.width.%]="cycle.progress.percent"></span></span>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }

    @if (canManage()) {
      <section class="new-cycle" aria-labelledby="new-cycle-heading">
        <h2 id="new-cycle-heading">Öppna ny rapportcykel</h2>
        <p class="hint">
          Alla avsnitt i mallen blir uppgifter för de enheter som ska leverera dem, med inlämningsdagen som deadline.
        </p>
        @if (templates.error(); as error) {
          <p class="error" role="alert">Mallarna kunde inte hämtas. {{ message(error) }}</p>
        }
        <form (ngSubmit)="create()" novalidate>
          <div class="fields">
            <mat-form-field appearance="outline" class="wide">
              <mat-label>Mall</mat-label>
              <select matNativeControl name="template" required [(ngModel)]="templateId">
                <option value="">Välj mall</option>
                @for (template of activeTemplates(); track template.id) {
                  <option [value]="template.id">
                    {{ template.name }}{{ template.committeeName ? ' – ' + template.committeeName : '' }}
                  </option>
                }
              </select>
            </mat-form-field>
            <mat-form-field appearance="outline" class="year">
              <mat-label>År</mat-label>
              <input matInput name="year" inputmode="numeric" autocomplete="off" required [(ngModel)]="year" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Diarienummer</mat-label>
              <input matInput name="diaryNumber" autocomplete="off" required placeholder="SN.2021.73" [(ngModel)]="diaryNumber" />
            </mat-form-field>
            <mat-form-field appearance="outline" class="wide" subscriptSizing="dynamic">
              <mat-label>Rubrik</mat-label>
              <input matInput name="title" autocomplete="off" [(ngModel)]="title" />
              <mat-hint>Valfri: annars mallens namn och året, t.ex. "Delårsrapport 2021"</mat-hint>
            </mat-form-field>
          </div>
          <fieldset class="dates">
            <legend>Tidsplan</legend>
            @for (key of dateKeys; track key) {
              <mat-form-field appearance="outline">
                <mat-label>{{ dateLabels[key] }}</mat-label>
                <input matInput type="date" required [name]="key" [ngModel]="dates()[key]" (ngModelChange)="setDate(key, $event)" />
              </mat-form-field>
            }
          </fieldset>
          @if (errors().length > 0) {
            <div class="error" role="alert">
              <p>Rapportcykeln kan inte öppnas:</p>
              <ul>
                @for (error of errors(); track error) {
                  <li>{{ error }}</li>
                }
              </ul>
            </div>
          }
          <div class="form-actions">
            <button matButton="filled" type="submit" [attr.aria-busy]="busy() || null">Öppna rapportcykeln</button>
          </div>
        </form>
      </section>
    }
  `,
  styles: `
    .lead,
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin-top: 2rem;
    }
    tbody th {
      font-weight: 600;
    }
    .nowrap {
      white-space: nowrap;
    }
    .bar {
      display: block;
      width: 8rem;
      height: 0.375rem;
      margin-top: 0.25rem;
      border-radius: 0.25rem;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .bar span {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .fields,
    .dates {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-start;
    }
    .wide {
      flex: 1 1 22rem;
    }
    .year {
      width: 7rem;
    }
    .dates {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
      padding: 0.5rem 1rem 0;
      margin: 0.5rem 0 1rem;
    }
    .dates legend {
      font: var(--mat-sys-title-small);
      padding: 0 0.25rem;
    }
    .dates mat-form-field {
      flex: 1 1 16rem;
    }
  `,
})
export class CyclesPage {
  private readonly api = inject(ApiClient);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly canManage = computed(() => this.auth.can('cycle.manage'));
  protected readonly cycles = rxResource({ stream: () => this.api.listCycles() });
  /** Only needed to open a cycle. */
  protected readonly templates = rxResource({
    params: () => (this.canManage() ? true : undefined),
    stream: () => this.api.listTemplates(),
  });
  protected readonly activeTemplates = computed(() =>
    this.templates.hasValue() ? this.templates.value().templates.filter((t) => t.active) : [],
  );

  protected readonly templateId = signal('');
  protected readonly year = signal(swedishToday().slice(0, 4));
  protected readonly diaryNumber = signal('');
  protected readonly title = signal('');
  protected readonly dates = signal<Record<keyof CycleDates, string>>({
    periodEnd: '',
    submissionDeadline: '',
    reviewDeadline: '',
    assemblyDeadline: '',
    meetingDate: '',
  });

  protected readonly errors = signal<string[]>([]);
  protected readonly busy = signal(false);

  protected readonly dateKeys = CYCLE_DATE_KEYS;
  protected readonly dateLabels = CYCLE_DATE_LABELS;
  protected readonly period = periodText;
  protected readonly progress = progressText;
  protected readonly message = errorMessage;

  protected setDate(key: keyof CycleDates, value: string): void {
    this.dates.update((dates) => ({ ...dates, [key]: value ?? '' }));
  }

  protected async create(): Promise<void> {
    if (this.busy()) return;
    const checked = checkNewCycle({
      templateId: this.templateId(),
      year: String(this.year() ?? ''),
      diaryNumber: this.diaryNumber(),
      title: this.title(),
      ...this.dates(),
    });
    if (!checked.ok) {
      this.errors.set(checked.errors);
      return;
    }
    this.errors.set([]);
    this.busy.set(true);
    try {
      const created = await firstValueFrom(this.api.createCycle(checked.request));
      await this.router.navigate(['/cykler', created.id]);
    } catch (error) {
      this.errors.set([errorMessage(error)]);
    } finally {
      this.busy.set(false);
    }
  }
}
