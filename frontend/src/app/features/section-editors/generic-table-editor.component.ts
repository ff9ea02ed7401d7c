import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { emptyContent, type SectionConfig, type TableColumn, tableConfigOf, type TaskContent } from '@rapportflode/domain';
import { GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { RowListEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { newTableRow, type TableDraft, tidyFigure, toTableDraft } from './section-drafts';
import { pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';
import { tableTotals } from './section-views';

/**
 * A table section (statsbidrag, investeringar, personal, verksamhetsstatistik) with the
 * template's columns: text and number cells (Swedish numbers), rows added, removed and moved,
 * a block pasted from Excel, and the total row of the summed columns computed live.
 */
@Component({
  selector: 'rf-generic-table-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GridCellComponent, RowCommentButtonComponent, RowCommentPanelComponent, SectionIssuesComponent],
  templateUrl: './generic-table-editor.component.html',
  styles: SECTION_EDITOR_STYLES,
})
export class GenericTableEditorComponent extends RowListEditorBase<TableDraft> {
  protected readonly prefix = 'tb';
  protected readonly table = computed(() => tableConfigOf(this.config()));
  protected readonly columns = computed(() => this.table().columns);
  protected readonly totalLabel = computed(() => this.table().totalLabel ?? 'Totalt');
  protected readonly totals = computed(() => tableTotals(this.config(), this.draft()));
  protected readonly order = computed(() => this.draft().rows.map((r) => r.key));

  protected toDraft(config: SectionConfig | null, content: TaskContent): TableDraft {
    return toTableDraft(config, content.type === 'table' ? content : (emptyContent('table') as never));
  }

  protected set(key: string, column: string, text: string): void {
    this.edit((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, cells: { ...r.cells, [column]: text } } : r)) }));
  }

  /** After editing a number: shown the Swedish way with the column's decimals (`2322` → `2 322`). */
  protected tidy(key: string, column: TableColumn): void {
    if (column.type !== 'number') return;
    const decimals = column.decimals ?? 0;
    this.draft.update((d) => ({
      ...d,
      rows: d.rows.map((r) => {
        const text = r.key === key ? tidyFigure(r.cells[column.key] ?? '', decimals) : null;
        return text === null ? r : { ...r, cells: { ...r.cells, [column.key]: text } };
      }),
    }));
  }

  /** Enter: the figure tidied, on to the same column in the next row. */
  protected enter(key: string, column: TableColumn): void {
    this.tidy(key, column);
    this.next(this.order(), key, column.key);
  }

  protected add(): void {
    const row = newTableRow(this.config());
    this.edit((d) => ({ ...d, rows: [...d.rows, row] }));
    this.focusLater(this.id(row.key, this.columns()[0]?.key ?? ''));
  }

  /** A block from Excel fills cells rightwards and rows downwards, adding rows as needed. */
  protected paste(block: string[][], key: string, column: string): void {
    const columns = this.columns();
    const result = pasteBlock(this.draft().rows, { key, field: column }, columns.map((c) => c.key), block, () => newTableRow(this.config()), (row, f, text) => ({
      ...row,
      cells: { ...row.cells, [f]: text },
    }));
    this.edit((d) => ({ ...d, rows: result.rows }));
    for (const row of result.rows) for (const c of columns) this.tidy(row.key, c);
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
