import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ApiErrorResponse, EconomyImportMapping, EconomyImportPreviewDto } from '@rapportflode/api-contract';
import { EconomyColumn, TASK_STATE_LABELS } from '@rapportflode/domain';
import { HttpErrorResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';
import { ApiClient, errorMessage } from '../../core/api-client';
import { FileIssuesTableComponent, IMPORT_TABLE_STYLES } from '../../shared/file-issues-table.component';
import { figureText, importDoneText, importedText, previewSummaryText } from './economy-import-view';

type HeaderField = 'unitColumn' | 'labelColumn' | 'parentColumn';

/**
 * Import of an economy section's figures from the finance system: choose a CSV or XLSX file,
 * check the column mapping (suggested, or the one saved for the template), see every problem by
 * line and column and the file's own totals checked, then import all or nothing.
 */
@Component({
  selector: 'rf-economy-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FileIssuesTableComponent, MatButtonModule, MatProgressBarModule, RouterLink],
  template: `
    <p class="back"><a [routerLink]="['/cykler', id()]">Tillbaka till rapportcykeln</a></p>
    <h1>Importera från ekonomisystemet</h1>
    @if (history.value(); as list) {
      <p class="lead">{{ list.section.number }} {{ list.section.title }} · {{ list.section.cycleTitle }}</p>
    }

    <section aria-labelledby="file-heading">
      <h2 id="file-heading">1. Välj fil</h2>
      <p class="hint">
        En export från ekonomisystemet som CSV (från Excel: UTF-8 eller semikolonavgränsad med decimalkomma) eller Excel-arbetsbok
        (.xlsx). Första raden är kolumnrubrikerna; en rad per enhet och verksamhet. Rader som börjar med Summa eller Totalt är
        filens egna summor: de kontrolleras men sparas inte. Allt eller inget importeras.
      </p>
      <div class="file">
        <label for="economy-file">Fil från ekonomisystemet</label>
        <input #fileInput id="economy-file" type="file" accept=".csv,.xlsx,text/csv" (change)="pick(fileInput.files)" />
      </div>
    </section>

    @if (busy()) {
      <mat-progress-bar mode="indeterminate" aria-label="Läser filen" />
    }
    @if (error(); as message) {
      <div class="error" role="alert">
        <p>{{ message }}</p>
        @if (errorDetails().length > 0) {
          <ul>
            @for (detail of errorDetails(); track $index) {
              <li>{{ detail }}</li>
            }
          </ul>
        }
      </div>
    }
    <p class="notice" role="status" aria-live="polite" [class.shown]="notice()">{{ notice() }}</p>

    @if (preview(); as result) {
      @if (result.headers.length > 0) {
        <section aria-labelledby="mapping-heading">
          <h2 id="mapping-heading">2. Koppla kolumnerna</h2>
          <p class="hint">
            @switch (result.mappingSource) {
              @case ('saved') {
                Kopplingen som sparades för mallens avsnitt vid förra importen är ifylld.
              }
              @case ('suggested') {
                Kopplingen är föreslagen utifrån filens rubriker. Kontrollera den.
              }
              @default {
                Din koppling används.
              }
            }
            Kopplingen sparas för mallen när importen görs.
          </p>
          <div class="mapping">
            <div class="field">
              <label for="map-unit">Enhet</label>
              <select id="map-unit" [value]="mapping()?.unitColumn ?? ''" (change)="setHeader('unitColumn', $any($event.target).value)">
                <option value="">Ingen kolumn: hela filen gäller en enhet</option>
                @for (header of result.headers; track header) {
                  @if (header) {
                    <option [value]="header" [selected]="mapping()?.unitColumn === header">{{ header }}</option>
                  }
                }
              </select>
            </div>
            @if (!mapping()?.unitColumn) {
              <div class="field">
                <label for="map-unit-id">Filen gäller enheten</label>
                <select id="map-unit-id" (change)="unitId.set($any($event.target).value || null)">
                  <option value="">Välj enhet</option>
                  @for (unit of result.sectionUnits; track unit.unitId) {
                    <option [value]="unit.unitId ?? ''" [selected]="unitId() === unit.unitId">{{ unit.unitName }}</option>
                  }
                </select>
              </div>
            }
            <div class="field">
              <label for="map-label">Radens namn</label>
              <select id="map-label" (change)="setHeader('labelColumn', $any($event.target).value)">
                @for (header of result.headers; track header) {
                  @if (header) {
                    <option [value]="header" [selected]="mapping()?.labelColumn === header">{{ header }}</option>
                  }
                }
              </select>
            </div>
            <div class="field">
              <label for="map-parent">Överordnad rad (för underrader)</label>
              <select id="map-parent" (change)="setHeader('parentColumn', $any($event.target).value)">
                <option value="">Ingen</option>
                @for (header of result.headers; track header) {
                  @if (header) {
                    <option [value]="header" [selected]="mapping()?.parentColumn === header">{{ header }}</option>
                  }
                }
              </select>
            </div>
            @for (column of result.columns; track column.column) {
              <div class="field">
                <label [for]="'map-' + column.column">
                  {{ column.label }}
                  @if (column.computed) {
                    <span class="small">(räknas ut; filens värde kontrolleras)</span>
                  }
                </label>
                <select [id]="'map-' + column.column" (change)="setColumn(column.column, $any($event.target).value)">
                  <option value="">{{ column.computed ? 'Kontrollera inte' : 'Välj kolumn' }}</option>
                  @for (header of result.headers; track header) {
                    @if (header) {
                      <option [value]="header" [selected]="mapping()?.columns?.[column.column] === header">{{ header }}</option>
                    }
                  }
                </select>
              </div>
            }
          </div>
          <button matButton="outlined" type="button" (click)="recheck()">Förhandsgranska med kopplingen</button>
        </section>
      }

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">3. Förhandsgranska</h2>
        <p>
          {{ result.fileName }}
          @if (result.encoding) {
            (CSV, {{ result.encoding }})
          } @else {
            ({{ result.format === 'xlsx' ? 'Excel' : 'CSV' }})
          }
        </p>
        <p [class.error-text]="result.issues.length > 0">{{ summary(result) }}</p>

        @if (result.issues.length > 0) {
          <rf-file-issues-table caption="Fel i filen" [issues]="result.issues" />
        }

        @if (result.disagreements.length > 0) {
          <table class="data">
            <caption>Filens egna summor som inte stämmer med raderna</caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Enhet</th>
                <th scope="col">Summa</th>
                <th scope="col">Kolumn</th>
                <th scope="col" class="figure">I filen</th>
                <th scope="col" class="figure">Beräknat</th>
              </tr>
            </thead>
            <tbody>
              @for (d of result.disagreements; track $index) {
                <tr>
                  <td class="figure">{{ d.line }}</td>
                  <td>{{ d.unitName }}</td>
                  <td>{{ d.row }}</td>
                  <td>{{ d.header }}</td>
                  <td class="figure">{{ figure(d.printed, result, d.column) }}</td>
                  <td class="figure">{{ figure(d.computed, result, d.column) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }

        @if (result.units.length > 0) {
          <div class="scroll" role="region" aria-labelledby="units-caption" tabindex="0">
            <table class="data">
              <caption id="units-caption">Per enhet ({{ result.moneyUnit }})</caption>
              <thead>
                <tr>
                  <th scope="col">Enhet</th>
                  <th scope="col" class="figure">Rader</th>
                  <th scope="col">Status</th>
                  @for (column of result.columns; track column.column) {
                    <th scope="col" class="figure">{{ column.label }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (unit of result.units; track unit.taskId) {
                  <tr>
                    <th scope="row">{{ unit.unitName }}</th>
                    <td class="figure">{{ unit.rows }}</td>
                    <td>{{ stateLabels[unit.state] }}{{ unit.editable ? '' : ' (låst)' }}</td>
                    @for (column of result.columns; track column.column) {
                      <td class="figure">{{ figure(unit.total[column.column], result, column.column) }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
        @if (result.untouchedUnits.length > 0) {
          <p class="hint">Utan rader i filen, lämnas som de är: {{ result.untouchedUnits.join(', ') }}.</p>
        }
        <button matButton="filled" type="button" [disabled]="!result.canImport || busy()" (click)="commit()">Importera</button>
      </section>
    }

    @if (history.value(); as list) {
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Tidigare importer</h2>
        @if (list.imports.length === 0) {
          <p>Inga importer ännu.</p>
        } @else {
          <table class="data">
            <caption class="visually-hidden">Tidigare importer till avsnittet</caption>
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col">Importerad</th>
                <th scope="col" class="figure">Rader</th>
                <th scope="col" class="figure">Enheter</th>
                <th scope="col">Kontrollsumma (SHA-256)</th>
              </tr>
            </thead>
            <tbody>
              @for (record of list.imports; track record.id) {
                <tr>
                  <td>{{ record.fileName }}</td>
                  <td>{{ imported(record) }}</td>
                  <td class="figure">{{ record.rowCount }}</td>
                  <td class="figure">{{ record.unitCount }}</td>
                  <td><code [title]="record.sha256">{{ record.sha256.slice(0, 16) }}…</code></td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    } @else if (history.error(); as failure) {
      <div class="error" role="alert"><p>{{ message(failure) }}</p></div>
    }
  `,
  styles: [
    IMPORT_TABLE_STYLES,
    `
      .back {
        margin: 0 0 0.5rem;
      }
      .lead,
      .hint,
      .small {
        color: var(--mat-sys-on-surface-variant);
      }
      h2 {
        font: var(--mat-sys-title-large);
        margin-top: 2rem;
      }
      .file,
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        margin-bottom: 1rem;
      }
      label {
        font: var(--mat-sys-label-large);
      }
      select {
        font: inherit;
        padding: 0.375rem;
        max-width: 24rem;
      }
      .mapping {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 0 1.5rem;
      }
      .error-text {
        color: var(--mat-sys-error);
        font-weight: 600;
      }
    `,
  ],
})
export class EconomyImportPage {
  private readonly api = inject(ApiClient);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  /** The route's `:id` (the cycle) and `:sectionId`. */
  readonly id = input.required<string>();
  readonly sectionId = input.required<string>();

  protected readonly history = rxResource({
    params: () => ({ cycleId: this.id(), sectionId: this.sectionId() }),
    stream: ({ params }) => this.api.economyImports(params.cycleId, params.sectionId),
  });

  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<EconomyImportPreviewDto | null>(null);
  protected readonly mapping = signal<EconomyImportMapping | null>(null);
  protected readonly unitId = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorDetails = signal<string[]>([]);
  protected readonly notice = signal('');

  protected readonly stateLabels = TASK_STATE_LABELS;
  protected readonly summary = previewSummaryText;
  protected readonly imported = importedText;
  protected readonly message = errorMessage;

  protected figure(value: number | null | undefined, preview: EconomyImportPreviewDto, column: EconomyColumn): string {
    return figureText(value, preview.moneyUnit, column);
  }

  protected async pick(files: FileList | null): Promise<void> {
    const file = files?.item(0) ?? null;
    this.file.set(file);
    this.preview.set(null);
    this.mapping.set(null);
    this.unitId.set(null);
    this.notice.set('');
    this.clearError();
    if (file) await this.send(false);
  }

  protected setHeader(field: HeaderField, header: string): void {
    this.mapping.update((m) => (m ? { ...m, [field]: header === '' ? (field === 'labelColumn' ? m.labelColumn : null) : header } : m));
  }

  protected setColumn(column: EconomyColumn, header: string): void {
    this.mapping.update((m) => {
      if (!m) return m;
      const columns = { ...m.columns };
      if (header === '') delete columns[column];
      else columns[column] = header;
      return { ...m, columns };
    });
  }

  protected async recheck(): Promise<void> {
    this.notice.set('');
    await this.send(false);
  }

  protected async commit(): Promise<void> {
    await this.send(true);
  }

  private clearError(): void {
    this.error.set(null);
    this.errorDetails.set([]);
  }

  private async send(commit: boolean): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.clearError();
    const mapping = this.mapping() ?? undefined;
    const unitId = this.unitId() ?? undefined;
    try {
      if (commit && mapping) {
        const result = await firstValueFrom(this.api.commitEconomyImport(this.id(), this.sectionId(), file, mapping, unitId));
        this.preview.set(null);
        this.mapping.set(null);
        this.file.set(null);
        this.fileInput().nativeElement.value = '';
        this.notice.set(importDoneText(result.import));
        this.history.reload();
      } else {
        const result = await firstValueFrom(this.api.previewEconomyImport(this.id(), this.sectionId(), file, mapping, unitId));
        this.preview.set(result);
        this.mapping.set(result.mapping);
        this.notice.set(previewSummaryText(result));
      }
    } catch (error) {
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiErrorResponse> | null) : null;
      this.error.set(body?.message ?? errorMessage(error));
      this.errorDetails.set(body?.details ?? []);
    } finally {
      this.busy.set(false);
    }
  }
}
