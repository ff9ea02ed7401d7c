import { ChangeDetectionStrategy, Component, input, model, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { EconomyImportMapping, EconomyImportPreviewDto } from '@rapportflode/api-contract';
import type { EconomyColumn } from '@rapportflode/domain';
import { type HeaderField, TOTAL_LABEL_LIMITS, totalLabelsText, withColumn, withHeader, withTotalLabels } from './economy-import-view';

/**
 * Step 2 of the economy import: which of the file's columns holds the unit, the row's name, its
 * parent row and each of the table's columns (as saved for the template, or suggested), and the
 * unit a file without a unit column belongs to, and the row labels that are the file's totals
 * (saved for the template section with the rest when the import is made). `recheck` asks for a
 * new preview with it.
 */
@Component({
  selector: 'rf-economy-import-mapping',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  templateUrl: './economy-import-mapping.component.html',
  // The import page's look: headings, fields and selects as in its other steps.
  styles: ':host { display: block; }',
  styleUrl: './economy-import.page.css',
})
export class EconomyImportMappingComponent {
  readonly preview = input.required<EconomyImportPreviewDto>();
  readonly mapping = model<EconomyImportMapping | null>(null);
  /** The unit chosen for a file without a unit column. */
  readonly unitId = model<string | null>(null);
  readonly recheck = output<void>();

  protected setHeader(field: HeaderField, header: string): void {
    this.mapping.update((m) => (m ? withHeader(m, field, header) : m));
  }

  protected setColumn(column: EconomyColumn, header: string): void {
    this.mapping.update((m) => (m ? withColumn(m, column, header) : m));
  }

  protected readonly totalLabelsText = totalLabelsText;
  protected readonly totalLimits = TOTAL_LABEL_LIMITS;
  /** Labels left out of the last change (too many or too long), for the message under the field. */
  protected readonly droppedLabels = signal<string[]>([]);

  protected setTotalLabels(text: string): void {
    const current = this.mapping();
    if (!current) return;
    const result = withTotalLabels(current, text);
    this.droppedLabels.set(result.dropped);
    this.mapping.set(result.mapping);
  }
}
