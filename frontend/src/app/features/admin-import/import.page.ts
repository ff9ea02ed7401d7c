import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ImportPreviewRow, ImportResponse } from '@rapportflode/api-contract';
import { ORGANISATION_UNIT_KIND_LABELS, ROLE_LABELS } from '@rapportflode/domain';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { FileIssuesTableComponent } from '../../shared/file-issues-table.component';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `1 ny nämnd, 4 nya enheter, 3 nya personer, 5 nya roller` */
export function importSummaryText(summary: ImportResponse['summary']): string {
  return [
    count(summary.committees, 'ny nämnd', 'nya nämnder'),
    count(summary.units, 'ny enhet', 'nya enheter'),
    count(summary.users, 'ny person', 'nya personer'),
    count(summary.roles, 'ny roll', 'nya roller'),
  ].join(', ');
}

/** `Filen innehåller 2 fel. Inget importeras förrän de är rättade.` */
export function importErrorsText(errors: number): string {
  return `Filen innehåller ${errors} fel. Inget importeras förrän de är rättade.`;
}

@Component({
  selector: 'rf-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FileIssuesTableComponent, MatButtonModule, MatProgressBarModule],
  template: `
    <h1>Importera organisation och personer</h1>

    <section aria-labelledby="format-heading">
      <h2 id="format-heading">Så ska filen se ut</h2>
      <p>
        Spara listan från Excel som CSV (UTF-8 eller Windows-1252, med <code>;</code> eller <code>,</code> mellan
        kolumnerna). Första raden är rubrikerna:
      </p>
      <p class="columns"><code>Kommun; Nämnd; Enhet; Nivå; Kod; Namn; E-post; Titel; Roll</code></p>
      <ul>
        <li>
          <strong>Enhet</strong> är vägen från nämnden ned till enheten, med snedstreck mellan delarna, till exempel
          <code>Socialförvaltningen / Stöd och vägledning / Vuxenutbildning</code>. Lämnas den tom gäller raden hela
          nämnden.
        </li>
        <li><strong>Nivå</strong> är Förvaltning, Verksamhetsområde eller Enhet.</li>
        <li>
          <strong>Namn</strong>, <strong>E-post</strong>, <strong>Titel</strong> och <strong>Roll</strong> anger en
          person och vilken roll personen får på enheten. De kan lämnas tomma.
        </li>
        <li>Nämnder, enheter och personer som redan finns känns igen och skapas inte igen.</li>
        <li>Allt eller inget importeras: finns ett enda fel i filen importeras ingenting.</li>
      </ul>
    </section>

    <section aria-labelledby="file-heading">
      <h2 id="file-heading">Välj fil</h2>
      <div class="file">
        <label for="import-file">CSV-fil</label>
        <input #fileInput id="import-file" type="file" accept=".csv,text/csv" (change)="pick(fileInput.files)" />
      </div>
      <div class="buttons">
        <button matButton="outlined" type="button" (click)="previewFile()">Förhandsgranska</button>
        @if (preview(); as result) {
          <button matButton="filled" type="button" [disabled]="result.errors.length > 0" (click)="commit()">
            Importera
          </button>
        }
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" aria-label="Läser filen" />
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="notice" role="status" aria-live="polite" [class.shown]="notice()">{{ notice() }}</p>
    </section>

    @if (preview(); as result) {
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">Förhandsgranskning</h2>
        <p>
          Filen {{ result.fileName }} lästes som {{ result.encoding }}.
          @if (result.errors.length === 0) {
            Importen ger {{ summary(result.summary) }}.
          }
        </p>

        @if (result.errors.length > 0) {
          <h3 id="errors-heading">Fel i filen</h3>
          <p class="error" role="alert">{{ errorsText(result.errors.length) }}</p>
          <rf-file-issues-table labelledBy="errors-heading" [issues]="result.errors" />
        }

        @if (result.rows.length > 0) {
          <h3 id="rows-heading">Rader i filen</h3>
          <div class="scroll" role="region" aria-labelledby="rows-heading" tabindex="0">
            <table class="data" aria-labelledby="rows-heading">
              <thead>
                <tr>
                  <th scope="col">Rad</th>
                  <th scope="col">Nämnd</th>
                  <th scope="col">Enhet</th>
                  <th scope="col">Nivå</th>
                  <th scope="col">Person</th>
                  <th scope="col">Roll</th>
                  <th scope="col">Vad händer</th>
                </tr>
              </thead>
              <tbody>
                @for (row of result.rows; track row.line) {
                  <tr>
                    <td class="figure">{{ row.line }}</td>
                    <td>{{ row.committee }}, {{ row.municipality }}</td>
                    <td>{{ row.path.length > 0 ? row.path.join(' / ') : '–' }}</td>
                    <td>{{ row.kind ? kindLabels[row.kind] : '–' }}</td>
                    <td>{{ person(row) }}</td>
                    <td>{{ row.person ? roleLabels[row.person.role] : '–' }}</td>
                    <td>{{ row.effect }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }
  `,
  styles: `
    code {
      font-size: 0.9em;
      background: var(--mat-sys-surface-container);
      padding: 0 0.25rem;
      border-radius: 0.25rem;
    }
    .file {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin-bottom: 1rem;
    }
    .file label {
      font: var(--mat-sys-label-large);
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      margin-bottom: 1rem;
    }
    table {
      margin-bottom: 1.5rem;
    }
    td.figure {
      text-align: right;
    }
    h3 {
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class ImportPage {
  private readonly api = inject(ApiClient);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<ImportResponse | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');

  protected readonly kindLabels = ORGANISATION_UNIT_KIND_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly summary = importSummaryText;
  protected readonly errorsText = importErrorsText;

  protected person(row: ImportPreviewRow): string {
    return row.person ? `${row.person.name} (${row.person.email})` : '–';
  }

  protected pick(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
    this.preview.set(null);
    this.error.set(null);
    this.notice.set('');
  }

  protected async previewFile(): Promise<void> {
    const file = this.file();
    this.notice.set('');
    if (!file) {
      this.error.set('Välj en CSV-fil först.');
      return;
    }
    await this.send(file, true);
  }

  protected async commit(): Promise<void> {
    const file = this.file();
    const preview = this.preview();
    if (!file || !preview || preview.errors.length > 0) return;
    this.notice.set('');
    await this.send(file, false);
  }

  private async send(file: File, dryRun: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(this.api.importOrganisation(file, dryRun));
      if (!dryRun && result.committed) {
        this.preview.set(null);
        this.file.set(null);
        this.fileInput().nativeElement.value = '';
        this.notice.set(`Importen är klar: ${importSummaryText(result.summary)}.`);
      } else {
        this.preview.set(result);
      }
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
