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
import { EconomyImportMappingComponent } from './economy-import-mapping.component';
import { figureText, importDoneText, importedText, previewSummaryText } from './economy-import-view';

/**
 * Import of an economy section's figures from the finance system: choose a CSV or XLSX file,
 * check the column mapping (suggested, or the one saved for the template), see every problem by
 * line and column and the file's own totals checked, then import all or nothing.
 */
@Component({
  selector: 'rf-economy-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EconomyImportMappingComponent, FileIssuesTableComponent, MatButtonModule, MatProgressBarModule, RouterLink],
  templateUrl: './economy-import.page.html',
  styles: IMPORT_TABLE_STYLES,
  styleUrl: './economy-import.page.css',
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
    return figureText(value, preview.moneyUnit, column, preview.moneyDecimals);
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
