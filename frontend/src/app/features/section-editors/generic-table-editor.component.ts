import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import {
  checkTable,
  emptyContent,
  isTypedTotalRow,
  type SectionConfig,
  type TableColumn,
  tableConfigOf,
  tableTotalFlags,
  type TaskContent,
} from '@rapportflode/domain';
import { GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { RowListEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { newTableRow, type TableDraft, tableInput, tidyFigure, toTableDraft } from './section-drafts';
import { pasteBlock, pasteNote } from './section-grid';
import { SectionIssuesComponent } from './section-issues.component';
import { tableTotals } from './section-views';

/**
 * A table section (statsbidrag, investeringar, personal, verksamhetsstatistik) with the
 * template's columns: text and number cells (Swedish numbers), rows added, removed and moved,
 * a block pasted from Excel, and the total row of the summed columns computed live. A total
 * typed or pasted with the rows (`Summa`) is kept in its own row and flagged when the rows do not
 * add up to it (tableTotalFlags in libs/domain).
 */
@Component({
  selector: 'rf-generic-table-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GridCellComponent, RowCommentButtonComponent, RowCommentPanelComponent, SectionIssuesComponent],
  templateUrl: './generic-table-editor.component.html',
  styles: [
    SECTION_EDITOR_STYLES,
    `.total-flags { border-left: 4px solid #b35c00; background: #fff6e5; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
     .total-flags p { margin: 0.25rem 0 0; }
     tr.printed-total th { font-weight: normal; font-style: italic; }`,
  ],
})
export class GenericTableEditorComponent extends RowListEditorBase<TableDraft> {
  protected readonly prefix = 'tb';
  protected readonly table = computed(() => tableConfigOf(this.config()));
  protected readonly columns = computed(() => this.table().columns);
  protected readonly totalLabel = computed(() => this.table().totalLabel ?? 'Totalt');
  protected readonly totals = computed(() => tableTotals(this.config(), this.draft()));
  protected readonly order = computed(() => this.draft().rows.map((r) => r.key));
  protected readonly summed = computed(() => this.columns().filter((c) => c.type === 'number' && c.sum));
  /** The disagreements of the typed total with the rows, in Swedish (none while the draft has errors). */
  protected readonly totalFlags = computed(() => {
    const checked = checkTable(this.table(), tableInput(this.draft()));
    return checked.ok ? tableTotalFlags(this.table(), checked.content) : [];
  });

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

  protected setPrinted(column: string, text: string): void {
    this.edit((d) => ({ ...d, printedTotal: { ...(d.printedTotal ?? {}), [column]: text } }));
  }

  protected tidyPrinted(column: TableColumn): void {
    const text = this.draft().printedTotal?.[column.key];
    if (text === undefined) return;
    const tidied = tidyFigure(text, column.decimals ?? 0);
    if (tidied === null) return;
    this.draft.update((d) => ({ ...d, printedTotal: { ...(d.printedTotal ?? {}), [column.key]: tidied } }));
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
    // A pasted block that ends with its Summa row: that row is the typed total, not a row.
    const last = result.rows[result.rows.length - 1];
    const typed = last && isTypedTotalRow(this.table(), { cells: last.cells }) ? last : null;
    const rows = typed ? result.rows.slice(0, -1) : result.rows;
    this.edit((d) => ({
      ...d,
      rows,
      ...(typed ? { printedTotal: Object.fromEntries(this.summed().map((c) => [c.key, typed.cells[c.key] ?? ''])) } : {}),
    }));
    for (const row of rows) for (const c of columns) this.tidy(row.key, c);
    if (typed) for (const c of this.summed()) this.tidyPrinted(c);
    this.pasteNote.set(pasteNote(block.length, result.skipped));
  }
}
