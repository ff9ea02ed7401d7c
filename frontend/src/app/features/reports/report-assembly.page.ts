import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DomSanitizer } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { ReportFormat, ReportMissingDto, ReportStatusDto, ReportVersionDto } from '@rapportflode/api-contract';
import { formatDateTime, TASK_STATE_LABELS, TaskState } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { ReportAppendicesComponent } from './report-appendices.component';

/** The downloads offered for the draft and for each frozen version. */
const DOWNLOADS: ReadonlyArray<{ format: ReportFormat; label: string }> = [
  { format: 'pdf', label: 'PDF' },
  { format: 'docx', label: 'Word' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON (alla tabeller)' },
];

/**
 * Sammanställning: every section × unit with its state, what is missing, warnings, a preview of the
 * report, Fastställ (a new frozen version, after a confirmation dialog naming what will be frozen),
 * and downloads of the draft and of every frozen version.
 */
@Component({
  selector: 'rf-report-assembly-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, ReportAppendicesComponent],
  template: `
    <p class="back"><a [routerLink]="['/cykler', id()]">Tillbaka till översikten</a></p>
    @if (status.error()) {
      <p role="alert" class="error">{{ loadError() }}</p>
    }
    @if (status.value(); as s) {
      <h1>Sammanställning: {{ s.cycle.title }}</h1>
      <p class="lead">{{ s.cycle.committeeName }} · {{ s.cycle.period }} · Diarienummer {{ s.cycle.diaryNumber }}</p>

      <section aria-labelledby="state-heading">
        <h2 id="state-heading">Avsnittens status</h2>
        @if (s.versions[0] && !s.changedSinceVersion) {
          <p class="ok frozen-state">
            Fastställd som version {{ s.versions[0].number }} {{ dateTime(s.versions[0].frozenAt) }} av {{ s.versions[0].frozenBy ?? 'okänd' }}.
          </p>
        } @else if (s.ready) {
          <p class="ok">Alla avsnitt är godkända. Rapporten kan fastställas.</p>
        } @else {
          <p>Rapporten är ett utkast. {{ s.missing.length }} {{ s.missing.length === 1 ? 'del saknas' : 'delar saknas' }}:</p>
          <ul class="missing" aria-label="Saknas eller är inte godkänt">
            @for (m of s.missing; track $index) {
              <li>{{ missingText(m) }}</li>
            }
          </ul>
        }
        <table class="status">
          <caption>Avsnitt och enheter</caption>
          <thead>
            <tr>
              <th scope="col">Avsnitt</th>
              <th scope="col">Enhet</th>
              <th scope="col">Status</th>
              <th scope="col">Godkänt av</th>
            </tr>
          </thead>
          <tbody>
            @for (section of s.sections; track section.sectionId) {
              @for (task of section.tasks; track task.taskId; let first = $first) {
                <tr [class.pending]="!task.approved">
                  @if (first) {
                    <th scope="row" [attr.rowspan]="section.tasks.length">{{ section.number }} {{ section.title }}</th>
                  }
                  <td>{{ task.unitName ?? 'Nämndnivå' }}</td>
                  <td>{{ stateLabel(task.state) }}</td>
                  <td>{{ task.approvedBy ? task.approvedBy + ', ' + dateTime(task.approvedAt) : '–' }}</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </section>

      @if (s.warnings.length) {
        <section aria-labelledby="warnings-heading" class="warnings">
          <h2 id="warnings-heading">Varningar</h2>
          <ul>
            @for (w of s.warnings; track $index) {
              <li>{{ w }}</li>
            }
          </ul>
        </section>
      }

      <rf-report-appendices [cycleId]="id()" [canEdit]="s.canFreeze" [versions]="s.versions.length" (changed)="refresh()" />

      <section aria-labelledby="freeze-heading">
        <h2 id="freeze-heading">Fastställ</h2>
        @if (!s.canFreeze) {
          <p>Det är nämndsekreteraren som fastställer rapporten.</p>
        } @else {
          <form (ngSubmit)="askToFreeze()">
            @if (s.versions.length > 0) {
              <mat-form-field appearance="outline" class="reason">
                <mat-label>Varför en ny version?</mat-label>
                <textarea matInput name="reason" [(ngModel)]="reason" rows="2" maxlength="2000"></textarea>
              </mat-form-field>
            }
            <button mat-flat-button type="submit" [disabled]="!s.ready || busy()" [attr.aria-describedby]="s.ready ? null : 'freeze-why'">
              Fastställ
            </button>
            @if (!s.ready) {
              <p id="freeze-why" class="hint">Rapporten kan fastställas först när alla avsnitt är godkända.</p>
            }
          </form>
        }
        <dialog #confirmFreeze class="confirm" aria-labelledby="confirm-heading" aria-describedby="confirm-what confirm-means" (close)="confirmOpen.set(false)">
          @if (confirmOpen()) {
            <h2 id="confirm-heading">Fastställa version {{ nextVersion(s) }}?</h2>
            <p id="confirm-what">
              Du fastställer <strong>{{ s.cycle.title }}</strong> för {{ s.cycle.committeeName }}, {{ s.cycle.period }}, som
              version {{ nextVersion(s) }}.
            </p>
            <p id="confirm-means">
              Version {{ nextVersion(s) }} kan inte ändras efteråt; en ny version kräver en anledning.
            </p>
            <div class="confirm-actions">
              <button mat-stroked-button type="button" (click)="closeConfirm()" autofocus>Avbryt</button>
              <button mat-flat-button type="button" (click)="freeze(s)">Fastställ version {{ nextVersion(s) }}</button>
            </div>
          }
        </dialog>
        <div aria-live="polite">
          @if (freezeError()) {
            <p role="alert" class="error">{{ freezeError() }}</p>
          }
          @if (frozen(); as v) {
            <p class="ok">Rapporten är fastställd som version {{ v.number }}.</p>
          }
        </div>
      </section>

      <section aria-labelledby="download-heading">
        <h2 id="download-heading">Hämta</h2>
        <h3>Utkast (som rapporten ser ut nu)</h3>
        <ul class="downloads">
          @for (d of downloads; track d.format) {
            <li><a [href]="url(d.format)" download>{{ d.label }}</a></li>
          }
          @for (t of s.tables; track t.id) {
            <li><a [href]="url('csv', undefined, t.id)" download>CSV: {{ t.caption }}</a></li>
          }
        </ul>
        <h3>Fastställda versioner</h3>
        @if (s.versions.length === 0) {
          <p>Ingen version är fastställd än.</p>
        } @else {
          <ul class="versions">
            @for (v of s.versions; track v.number) {
              <li>
                <strong>Version {{ v.number }}</strong>, fastställd {{ dateTime(v.frozenAt) }} av {{ v.frozenBy ?? 'okänd' }} ·
                kontrollsumma <code>{{ v.checksum.slice(0, 12) }}</code>
                @if (v.reason) {
                  · {{ v.reason }}
                }
                <ul class="downloads" [attr.aria-label]="'Hämta version ' + v.number">
                  @for (d of downloads; track d.format) {
                    <li><a [href]="url(d.format, v.number)" download>{{ d.label }}</a></li>
                  }
                  @for (t of v.tables; track t.id) {
                    <li><a [href]="url('csv', v.number, t.id)" download>CSV: {{ t.caption }}</a></li>
                  }
                </ul>
              </li>
            }
          </ul>
        }
      </section>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Förhandsgranskning</h2>
        <iframe sandbox="" class="preview" [src]="previewUrl()" title="Förhandsgranskning av rapporten"></iframe>
      </section>
    }
  `,
  styles: `
    .status { border-collapse: collapse; margin: 0.5rem 0 1rem; }
    .status th, .status td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
    .pending td { background: #fff4e5; }
    .error { color: #b00020; }
    .ok { color: #1b5e20; }
    .hint { font-size: 0.9rem; }
    .reason { display: block; max-width: 40rem; }
    .downloads { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding-left: 1.25rem; }
    .confirm { max-width: 34rem; border: 1px solid #666; border-radius: 4px; padding: 1rem 1.5rem; }
    .confirm::backdrop { background: rgb(0 0 0 / 40%); }
    .confirm h2 { margin-top: 0; }
    .confirm-actions { display: flex; justify-content: flex-end; gap: 0.75rem; margin-top: 1rem; }
    .preview { width: 100%; height: 70vh; border: 1px solid #999; background: #fff; }
  `,
})
export class ReportAssemblyPage {
  private readonly api = inject(ApiClient);
  private readonly sanitizer = inject(DomSanitizer);

  /** The cycle id from the route. */
  readonly id = input.required<string>();

  protected readonly downloads = DOWNLOADS;
  protected reason = '';
  protected readonly busy = signal(false);
  protected readonly freezeError = signal<string | null>(null);
  protected readonly frozen = signal<ReportVersionDto | null>(null);
  private readonly reload = signal(0);
  /** Whether the confirmation dialog (Fastställ version N?) is open. */
  protected readonly confirmOpen = signal(false);
  private readonly confirmDialog = viewChild<ElementRef<HTMLDialogElement>>('confirmFreeze');

  protected readonly status = rxResource({
    params: () => ({ id: this.id(), n: this.reload() }),
    stream: ({ params }) => this.api.reportStatus(params.id),
  });
  protected readonly loadError = computed(() => errorMessage(this.status.error()));
  /** Our own API's preview page (no scripts; shown in a sandbox without permissions). */
  protected readonly previewUrl = computed(() => {
    this.reload();
    return this.sanitizer.bypassSecurityTrustResourceUrl(`${this.api.reportDocumentUrl(this.id(), { format: 'preview' })}&t=${this.reload()}`);
  });

  /** The status and the preview read again (a bilaga was added, moved or removed). */
  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected url(format: ReportFormat, version?: number, table?: string): string {
    return this.api.reportDocumentUrl(this.id(), { format, version, table });
  }

  protected missingText(m: ReportMissingDto): string {
    return `${m.section}${m.unit ? ` (${m.unit})` : ''}: ${m.state}`;
  }

  protected stateLabel(state: string): string {
    return TASK_STATE_LABELS[state as TaskState] ?? state;
  }

  protected dateTime(value: string | null): string {
    return value ? formatDateTime(value) : '';
  }

  /** The number the next frozen version gets. */
  protected nextVersion(s: ReportStatusDto): number {
    return (s.versions[0]?.number ?? 0) + 1;
  }

  /** Fastställ: first a modal dialog naming the report and the version; nothing is frozen until it is confirmed. */
  protected askToFreeze(): void {
    this.freezeError.set(null);
    this.confirmOpen.set(true);
    this.confirmDialog()?.nativeElement.showModal();
  }

  protected closeConfirm(): void {
    this.confirmDialog()?.nativeElement.close();
  }

  protected async freeze(s: ReportStatusDto): Promise<void> {
    this.closeConfirm();
    this.freezeError.set(null);
    this.frozen.set(null);
    this.busy.set(true);
    try {
      const body = s.versions.length > 0 ? { reason: this.reason } : {};
      const version = await firstValueFrom(this.api.freezeReport(this.id(), body));
      this.frozen.set(version);
      this.reason = '';
      this.reload.update((n) => n + 1);
    } catch (error) {
      this.freezeError.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
