import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { emptyContent, parseSwedishNumber, type SectionConfig, type TableColumn, tableConfigOf, type TaskContent } from '@rapportflode/domain';
import { SectionEditorBase, SECTION_EDITOR_STYLES } from './section-editor-base';
import { figureText, newTableRow, type TableDraft, toTableDraft } from './section-drafts';
import { moveItem, pasteBlock, pasteNote } from './section-grid';
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
  imports: [SectionIssuesComponent],
  template: `
    <div class="table-wrap" (focusout)="focusOut($event)">
      <table [attr.aria-describedby]="describedBy()">
        <caption>
          {{ title() }}
        </caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">Rad</span></th>
            @for (c of columns(); track c.key) {
              <th scope="col" [class.number]="c.type === 'number'">{{ c.label }}</th>
            }
            @if (editing()) {
              <th scope="col"><span class="visually-hidden">Åtgärder</span></th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of draft().rows; track row.key; let i = $index, last = $last) {
            <tr>
              <th scope="row">{{ i + 1 }}</th>
              @for (c of columns(); track c.key) {
                <td [class.number]="c.type === 'number'">
                  @if (editing()) {
                    <input
                      type="text"
                      autocomplete="off"
                      [class]="c.type === 'number' ? 'number' : 'text'"
                      [attr.inputmode]="c.type === 'number' ? 'decimal' : null"
                      [id]="id(row.key, c.key)"
                      [value]="row.cells[c.key]"
                      [readOnly]="locked()"
                      [attr.aria-label]="c.label + ', rad ' + (i + 1)"
                      [attr.aria-invalid]="error(row.key, c.key) ? true : null"
                      [attr.aria-describedby]="errorId(row.key, c.key)"
                      (input)="set(row.key, c.key, value($event))"
                      (change)="tidy(row.key, c)"
                      (keydown)="keydown($event, row.key, c)"
                      (paste)="paste($event, row.key, c.key)"
                    />
                    @if (error(row.key, c.key); as message) {
                      <span class="cell-error" [id]="errorId(row.key, c.key)">{{ message }}</span>
                    }
                  } @else {
                    {{ row.cells[c.key] }}
                  }
                </td>
              }
              @if (editing()) {
                <td class="actions">
                  <button type="button" [disabled]="locked() || i === 0" (click)="move(i, -1)">Flytta upp rad {{ i + 1 }}</button>
                  <button type="button" [disabled]="locked() || last" (click)="move(i, 1)">Flytta ned rad {{ i + 1 }}</button>
                  <button type="button" [disabled]="locked()" (click)="remove(row.key)">Ta bort rad {{ i + 1 }}</button>
                  @if (error(row.key, 'row'); as message) {
                    <span class="cell-error">{{ message }}</span>
                  }
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="columns().length + (editing() ? 2 : 1)" class="muted">Inga rader ännu.</td>
            </tr>
          }
        </tbody>
        @if (totals(); as total) {
          <tfoot>
            <tr>
              <th scope="row">{{ totalLabel() }}</th>
              @for (cell of total; track cell.key) {
                <td [class.number]="cell.number">{{ cell.number ? cell.text : '' }}</td>
              }
              @if (editing()) {
                <td></td>
              }
            </tr>
          </tfoot>
        }
      </table>
    </div>
    @if (editing()) {
      <div class="table-actions">
        <button type="button" [disabled]="locked()" (click)="add()">Lägg till rad</button>
      </div>
      <rf-section-issues [messages]="check().messages" [pasteNote]="pasteNote()" />
    }
  `,
  styles: SECTION_EDITOR_STYLES,
})
export class GenericTableEditorComponent extends SectionEditorBase<TableDraft> {
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
        if (r.key !== key) return r;
        const parsed = parseSwedishNumber(r.cells[column.key] ?? '');
        if (!parsed.ok || parsed.value === null || Math.round(parsed.value * 10 ** decimals) / 10 ** decimals !== parsed.value) return r;
        return { ...r, cells: { ...r.cells, [column.key]: figureText(parsed.value, decimals) } };
      }),
    }));
  }

  protected keydown(event: KeyboardEvent, key: string, column: TableColumn): void {
    if (event.key === 'Enter') this.tidy(key, column);
    this.enter(event, this.order(), key, column.key);
  }

  protected add(): void {
    const row = newTableRow(this.config());
    this.edit((d) => ({ ...d, rows: [...d.rows, row] }));
    this.focusLater(this.id(row.key, this.columns()[0]?.key ?? ''));
  }

  protected remove(key: string): void {
    this.edit((d) => ({ ...d, rows: d.rows.filter((r) => r.key !== key) }));
    this.focusAddButton();
  }

  protected move(index: number, by: number): void {
    this.edit((d) => ({ ...d, rows: moveItem(d.rows, index, by) }));
    this.focusMovedRow(index, by, this.draft().rows.length);
  }

  /** A block from Excel fills cells rightwards and rows downwards, adding rows as needed. */
  protected paste(event: ClipboardEvent, key: string, column: string): void {
    const block = this.pastedBlock(event);
    if (!block) return;
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
