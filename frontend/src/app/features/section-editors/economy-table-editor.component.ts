import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, untracked } from '@angular/core';
import {
  columnGroupRuns,
  columnLabel,
  type EconomyColumn,
  type EconomyContent,
  type EconomyPeriods,
  type EconomyTableConfig,
  ECONOMY_LIMITS,
  economySignNote,
  parseSwedishNumber,
  signsOf,
} from '@rapportflode/domain';
import {
  addChild,
  buildTableView,
  cellId,
  cellText,
  type EditRow,
  fitsUnit,
  newRow,
  nextRowTarget,
  readEditRows,
  removeRow,
  toEditRows,
  updateRow,
} from './economy-table';
import { applyPaste, economyPasteNote } from './economy-table-paste';
import { fitTextarea, GridCellComponent } from './grid-cell.component';
import { RowCommentButtonComponent } from './row-comment-button.component';
import { RowCommentPanelComponent } from './row-comment-panel.component';
import { rowKeysOf } from './section-grid';
import { EDITOR_BUTTON_STYLES, EDITOR_FIELD_STYLES, EDITOR_TABLE_STYLES, FigureEditorBase } from './section-editor-base';

export type EconomyRead = { ok: true; content: EconomyContent; removed: string[] } | { ok: false; errors: string[] };

/**
 * An economy table (libs/domain sections/economy.ts) as a real table: entered figures in
 * inputs with Swedish numbers, computed columns, sub-totals and the total shown live. With
 * `readonly` it shows `content` as it comes; otherwise `content` is read once (later changes
 * come in through `setContent`) and `read()` gives the table as it is now. `locked` keeps the
 * person's figures on screen but stops editing (while a conflict is decided).
 */
@Component({
  selector: 'rf-economy-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GridCellComponent, RowCommentButtonComponent, RowCommentPanelComponent],
  templateUrl: './economy-table-editor.component.html',
  // The shared frame, fields and buttons, and the table's own look (no rule of one overrides the other's).
  styles: [EDITOR_TABLE_STYLES, EDITOR_FIELD_STYLES, EDITOR_BUTTON_STYLES],
  styleUrl: './economy-table-editor.component.css',
})
export class EconomyTableEditorComponent extends FigureEditorBase {
  readonly content = input.required<EconomyContent>();
  readonly config = input.required<EconomyTableConfig>();
  /** The cycle's periods, for headings that name them (`Budgetavvikelse prognos per augusti`). */
  readonly periods = input<EconomyPeriods | null>(null);

  /** The rows being edited; read-only: always the `content` given. */
  private readonly rows = linkedSignal<EditRow[]>(() =>
    toEditRows(this.config(), this.readonly() ? this.content() : untracked(this.content)),
  );
  /** The comment's textarea grows with its text (fitTextarea: where CSS field-sizing is missing). */
  protected readonly fit = fitTextarea;
  protected readonly view = computed(() => buildTableView(this.config(), this.rows(), this.quiet()));
  private readonly given = linkedSignal(() => rowKeysOf(toEditRows(this.config(), untracked(this.content))));

  protected currentKeys(): ReadonlySet<string> {
    return rowKeysOf(this.rows());
  }

  protected givenKeys(): ReadonlySet<string> {
    return this.given();
  }

  /** The heading row over groups of columns (none when the layout has no groups). */
  protected readonly groupRuns = computed(() => columnGroupRuns(this.config()));
  /** Sub-rows may be added down to the third level (libs/domain ECONOMY_LIMITS.maxDepth). */
  protected readonly maxSubDepth = ECONOMY_LIMITS.maxDepth - 1;
  /** How figures are signed, shown under the grid when costs are positive (the default needs no reminder). */
  protected readonly signNote = computed(() => (signsOf(this.config()) === 'costs_positive' ? economySignNote(this.config()) : null));

  protected label(column: EconomyColumn): string {
    return columnLabel(this.config(), column, this.periods());
  }

  /** The figures as typed that are numbers (refused ones included: the chart leaves those out itself). */
  figures(): EconomyContent {
    return readEditRows(untracked(this.config), untracked(this.rows)).content;
  }

  /** The table as it is now; not ok while a cell is not a number or a rule is broken. */
  read(): EconomyRead {
    const config = untracked(this.config);
    const rows = untracked(this.rows);
    const { content, parseErrors } = readEditRows(config, rows);
    // Every problem, also of new rows whose problems are not shown yet.
    const messages = buildTableView(config, rows).messages;
    if (parseErrors.size > 0 || messages.length > 0) return { ok: false, errors: messages };
    return { ok: true, content, removed: [] };
  }

  setContent(content: EconomyContent): void {
    const rows = toEditRows(untracked(this.config), content);
    this.given.set(rowKeysOf(rows));
    this.rows.set(rows);
  }

  private edit(change: (rows: EditRow[]) => EditRow[]): void {
    this.rows.update(change);
    this.changed.emit();
  }

  protected setLabel(key: string, value: string): void {
    this.edit((rows) => updateRow(rows, key, (row) => ({ ...row, label: value })));
  }

  protected setComment(key: string, event: Event): void {
    const value = this.value(event);
    this.edit((rows) => updateRow(rows, key, (row) => ({ ...row, comment: value })));
  }

  protected setCell(key: string, column: EconomyColumn, value: string): void {
    this.edit((rows) => updateRow(rows, key, (row) => ({ ...row, cells: { ...row.cells, [column]: value } })));
  }

  /** After editing a cell: a readable figure is shown the Swedish way (`-7015` → `−7 015`). */
  protected tidyCell(key: string, column: EconomyColumn): void {
    const config = this.config();
    this.rows.update((rows) =>
      updateRow(rows, key, (row) => {
        const parsed = parseSwedishNumber(row.cells[column] ?? '');
        if (!parsed.ok || parsed.value === null || !fitsUnit(config, parsed.value)) return row;
        return { ...row, cells: { ...row.cells, [column]: cellText(config, parsed.value) } };
      }),
    );
  }

  protected addRow(): void {
    const row = newRow();
    this.edit((rows) => [...rows, row]);
    this.focusLater(cellId(row.key, 'label'));
  }

  protected addSubRow(parentKey: string): void {
    const child = newRow();
    this.edit((rows) => addChild(rows, parentKey, child));
    this.focusLater(cellId(child.key, 'label'));
  }

  protected remove(key: string): void {
    this.edit((rows) => removeRow(rows, key));
    this.focusAddButton();
  }

  /** Enter: the figure tidied, on to the same column in the next row. */
  protected enter(key: string, column: EconomyColumn | 'label'): void {
    if (column !== 'label') this.tidyCell(key, column);
    const target = nextRowTarget(this.view(), key, column);
    if (target) document.getElementById(target)?.focus();
  }

  protected paste(block: string[][], key: string, column: EconomyColumn | 'label'): void {
    const result = applyPaste(this.config(), this.rows(), { key, column }, block);
    this.edit(() => result.rows);
    this.pasteNote.set(economyPasteNote(block.length, result));
  }
}
