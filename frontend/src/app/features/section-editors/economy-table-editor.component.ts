import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, untracked } from '@angular/core';
import {
  columnLabel,
  type EconomyColumn,
  type EconomyContent,
  type EconomyTableConfig,
  parseSwedishNumber,
} from '@rapportflode/domain';
import {
  addChild,
  applyPaste,
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
  template: `
    <div class="table-wrap" (focusout)="focusOut($event)">
      <table class="economy" [attr.aria-describedby]="describedBy()">
        <caption>
          {{ title() }} ({{ config().unit }})
        </caption>
        <thead>
          <tr>
            <th scope="col">Rad</th>
            @for (column of config().columns; track column) {
              <th scope="col">{{ label(column) }}</th>
            }
            @if (editing()) {
              <th scope="col"><span class="visually-hidden">Åtgärder</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of view().rows; track row.key) {
            <tr [class.subtotal]="row.subtotal" [class.sub-row]="row.depth > 0">
              <th scope="row" [style.padding-left.rem]="0.5 + row.depth * 1.25">
                @if (editing()) {
                  <input
                    type="text"
                    class="label-input"
                    [id]="row.labelId"
                    [value]="row.label"
                    [readOnly]="locked()"
                    [attr.aria-label]="'Namn på ' + row.name"
                    [attr.aria-invalid]="row.labelError ? true : null"
                    [attr.aria-describedby]="row.labelErrorId"
                    (input)="setLabel(row.key, $event)"
                    (keydown)="keydown($event, row.key, 'label')"
                    (paste)="paste($event, row.key, 'label')"
                  />
                  @if (row.labelError) {
                    <span class="cell-error" [id]="row.labelErrorId">{{ row.labelError }}</span>
                  }
                } @else {
                  {{ row.label }}
                }
              </th>
              @for (cell of row.cells; track cell.column) {
                <td [class.computed]="!cell.editable" [class.invalid]="cell.error">
                  @if (editing() && cell.editable) {
                    <input
                      type="text"
                      inputmode="decimal"
                      autocomplete="off"
                      [id]="cell.id"
                      [value]="cell.text"
                      [readOnly]="locked()"
                      [attr.aria-label]="label(cell.column) + ', ' + row.name"
                      [attr.aria-invalid]="cell.error ? true : null"
                      [attr.aria-describedby]="cell.errorId"
                      (input)="setCell(row.key, cell.column, $event)"
                      (change)="tidyCell(row.key, cell.column)"
                      (keydown)="keydown($event, row.key, cell.column)"
                      (paste)="paste($event, row.key, cell.column)"
                    />
                    @if (cell.error) {
                      <span class="cell-error" [id]="cell.errorId">{{ cell.error }}</span>
                    }
                  } @else {
                    {{ cell.text }}
                    @if (editing() && cell.error) {
                      <span class="cell-error" [id]="cell.errorId">{{ cell.error }}</span>
                    }
                  }
                </td>
              }
              @if (editing()) {
                <td class="actions">
                  @if (row.depth === 0) {
                    <button type="button" [disabled]="locked()" (click)="addSubRow(row.key)">
                      Lägg till underrad till {{ row.name }}
                    </button>
                  }
                  <button type="button" [disabled]="locked()" (click)="remove(row.key)">Ta bort {{ row.name }}</button>
                </td>
              }
            </tr>
            @if (editing() || row.comment) {
              <tr class="comment-row">
                <td [attr.colspan]="config().columns.length + (editing() ? 2 : 1)">
                  @if (editing()) {
                    <label [for]="'comment-' + row.labelId">Kommentar till {{ row.name }}</label>
                    <input
                      type="text"
                      class="comment-input"
                      [id]="'comment-' + row.labelId"
                      [value]="row.comment"
                      [readOnly]="locked()"
                      (input)="setComment(row.key, $event)"
                    />
                  } @else {
                    <span class="comment-text"><span class="visually-hidden">Kommentar till {{ row.name }}: </span>{{ row.comment }}</span>
                  }
                </td>
              </tr>
            }
          } @empty {
            <tr>
              <td [attr.colspan]="config().columns.length + (editing() ? 2 : 1)" class="muted">Inga rader ännu.</td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totalt</th>
            @for (cell of view().total; track cell.column) {
              <td>{{ cell.text }}</td>
            }
            @if (editing()) {
              <td></td>
            }
          </tr>
        </tfoot>
      </table>
    </div>
    @if (editing()) {
      <div class="table-actions">
        <button type="button" [disabled]="locked()" (click)="addRow()">Lägg till rad</button>
      </div>
    }
    @if (pasteNote()) {
      <p class="paste-note" role="status">{{ pasteNote() }}</p>
    }
    <div class="issues" role="alert">
      @if (editing() && view().messages.length > 0) {
        <p>Rätta det här innan tabellen kan sparas:</p>
        <ul>
          @for (message of view().messages; track $index) {
            <li>{{ message }}</li>
          }
        </ul>
      }
    </div>
  `,
  styles: [
    EDITOR_TABLE_STYLES,
    EDITOR_FIELD_STYLES,
    `
      table {
        min-width: 100%;
      }
      thead th {
        text-align: right;
      }
      thead th:first-child,
      tbody th,
      tfoot th {
        text-align: left;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      td.computed,
      tr.subtotal td,
      tfoot td,
      tfoot th {
        background: var(--mat-sys-surface-container-low);
      }
      tr.subtotal th,
      tfoot th,
      tfoot td {
        font-weight: 600;
      }
      td input {
        width: 7.5rem;
        text-align: right;
      }
      .label-input {
        width: 14rem;
      }
      .comment-row td {
        text-align: left;
        white-space: normal;
      }
      .comment-row label {
        display: block;
        font: var(--mat-sys-label-medium);
      }
      .comment-input {
        width: min(40rem, 100%);
      }
      .cell-error {
        max-width: 14rem;
      }
      td.actions {
        text-align: left;
      }
      .muted {
        color: var(--mat-sys-on-surface-variant);
        text-align: left;
      }
    `,
    EDITOR_BUTTON_STYLES,
  ],
})
export class EconomyTableEditorComponent extends FigureEditorBase {
  readonly content = input.required<EconomyContent>();
  readonly config = input.required<EconomyTableConfig>();

  /** The rows being edited; read-only: always the `content` given. */
  private readonly rows = linkedSignal<EditRow[]>(() =>
    toEditRows(this.config(), this.readonly() ? this.content() : untracked(this.content)),
  );
  protected readonly view = computed(() => buildTableView(this.config(), this.rows()));

  protected label(column: EconomyColumn): string {
    return columnLabel(this.config(), column);
  }

  /** The table as it is now; not ok while a cell is not a number or a rule is broken. */
  read(): EconomyRead {
    const config = untracked(this.config);
    const rows = untracked(this.rows);
    const { content, parseErrors } = readEditRows(config, rows);
    const messages = untracked(this.view).messages;
    if (parseErrors.size > 0 || messages.length > 0) return { ok: false, errors: messages };
    return { ok: true, content, removed: [] };
  }

  setContent(content: EconomyContent): void {
    this.rows.set(toEditRows(untracked(this.config), content));
  }

  private edit(change: (rows: EditRow[]) => EditRow[]): void {
    this.rows.update(change);
    this.changed.emit();
  }

  protected setLabel(key: string, event: Event): void {
    const value = this.value(event);
    this.edit((rows) => updateRow(rows, key, (row) => ({ ...row, label: value })));
  }

  protected setComment(key: string, event: Event): void {
    const value = this.value(event);
    this.edit((rows) => updateRow(rows, key, (row) => ({ ...row, comment: value })));
  }

  protected setCell(key: string, column: EconomyColumn, event: Event): void {
    const value = this.value(event);
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

  protected keydown(event: KeyboardEvent, key: string, column: EconomyColumn | 'label'): void {
    if (!this.plainEnter(event)) return;
    if (column !== 'label') this.tidyCell(key, column);
    const target = nextRowTarget(this.view(), key, column);
    if (target) document.getElementById(target)?.focus();
  }

  protected paste(event: ClipboardEvent, key: string, column: EconomyColumn | 'label'): void {
    const block = this.pastedBlock(event);
    if (!block) return;
    const result = applyPaste(this.config(), this.rows(), { key, column }, block);
    this.edit(() => result.rows);
    const parts = [`${block.length === 1 ? 'En rad' : `${block.length} rader`} inklistrade.`];
    if (result.errors.length) parts.push(`${result.errors.length} värden är inte tal och är markerade.`);
    if (result.skipped) parts.push(`${result.skipped} värden fick inte plats i tabellen.`);
    this.pasteNote.set(parts.join(' '));
  }
}
