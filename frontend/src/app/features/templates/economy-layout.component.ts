import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, output } from '@angular/core';
import { economyLayoutSample, formatCell, type TableBlock } from '@rapportflode/documents';
import {
  columnLabel,
  ECONOMY_COLUMN_LABELS,
  ECONOMY_COLUMNS,
  ECONOMY_SIGN_LABELS,
  type EconomyColumn,
  type EconomySigns,
  type EconomyTableConfig,
  isComputed,
} from '@rapportflode/domain';
import {
  addColumnGroup,
  type EconomyOptions,
  groupIndexOf,
  moveEconomyColumn,
  removeColumnGroup,
  renameColumnGroup,
  setColumnGroup,
  withEconomyColumn,
  withEconomyOptions,
} from './economy-layout';

/**
 * The economy table's layout in the template editor: unit and decimals, how figures are signed,
 * the first column's heading, the total's label, where sub-totals stand, which columns in which
 * order (moved with buttons, also from the keyboard: Alt+↑/↓ on a column's row), their headings
 * and the groups over them; beside it the table as the report prints it with sample figures
 * (libs/documents economyLayoutSample). Every change is sent up as the whole layout.
 */
@Component({
  selector: 'rf-economy-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './economy-layout.component.html',
  styleUrls: ['./layout-form.css', './economy-layout.component.css'],
})
export class EconomyLayoutComponent {
  readonly id = input.required<string>();
  readonly config = input.required<EconomyTableConfig>();
  readonly configChange = output<EconomyTableConfig>();
  private readonly injector = inject(Injector);

  protected readonly units = ['tkr', 'mnkr'] as const;
  protected readonly signOptions = Object.entries(ECONOMY_SIGN_LABELS) as Array<[EconomySigns, string]>;
  protected readonly names = ECONOMY_COLUMN_LABELS;
  /** The table's columns in their order, then the ones not in it. */
  protected readonly rows = computed(() => {
    const config = this.config();
    return [...config.columns, ...ECONOMY_COLUMNS.filter((c) => !config.columns.includes(c))];
  });
  protected readonly sample = computed<TableBlock | null>(() => {
    try {
      return economyLayoutSample(this.config());
    } catch {
      return null;
    }
  });
  protected readonly cell = formatCell;

  protected heading(column: EconomyColumn): string {
    return columnLabel(this.config(), column);
  }

  protected isComputed(column: EconomyColumn): boolean {
    return isComputed(this.config(), column);
  }

  protected groupOf(column: EconomyColumn): number | null {
    return groupIndexOf(this.config(), column);
  }

  protected controlId(part: string): string {
    return `${this.id()}-economy-${part}`;
  }

  protected setOptions(change: Partial<EconomyOptions>): void {
    this.configChange.emit(withEconomyOptions(this.config(), change));
  }

  protected toggle(column: EconomyColumn, included: boolean): void {
    this.configChange.emit(withEconomyColumn(this.config(), column, included));
  }

  protected setHeading(column: EconomyColumn, text: string): void {
    const config = this.config();
    const labels = { ...config.labels };
    if (text.trim() && text.trim() !== ECONOMY_COLUMN_LABELS[column]) labels[column] = text.trim();
    else delete labels[column];
    const { labels: _old, ...rest } = config;
    this.configChange.emit({ ...rest, ...(Object.keys(labels).length ? { labels } : {}) });
  }

  /** Moves a column and keeps focus on the button (or the other one at an end) so it can be moved again. */
  protected move(column: EconomyColumn, by: -1 | 1): void {
    const next = moveEconomyColumn(this.config(), column, by);
    if (next === this.config()) return;
    this.configChange.emit(next);
    const at = next.columns.indexOf(column);
    const target = by < 0 && at === 0 ? 'down' : by > 0 && at === next.columns.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    afterNextRender(() => document.getElementById(this.controlId(`${target}-${column}`))?.focus(), { injector: this.injector });
  }

  /** Alt+↑ / Alt+↓ anywhere on an included column's row moves it. */
  protected moveKey(event: KeyboardEvent, column: EconomyColumn): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (!this.config().columns.includes(column)) return;
    event.preventDefault();
    this.move(column, event.key === 'ArrowUp' ? -1 : 1);
  }

  protected setGroup(column: EconomyColumn, value: string): void {
    this.configChange.emit(setColumnGroup(this.config(), column, value === '' ? null : Number(value)));
  }

  protected addGroup(): void {
    const next = addColumnGroup(this.config());
    this.configChange.emit(next);
    const index = (next.groups?.length ?? 1) - 1;
    afterNextRender(() => document.getElementById(this.controlId(`group-${index}`))?.focus(), { injector: this.injector });
  }

  protected renameGroup(index: number, label: string): void {
    this.configChange.emit(renameColumnGroup(this.config(), index, label));
  }

  protected removeGroup(index: number): void {
    this.configChange.emit(removeColumnGroup(this.config(), index));
  }

  protected numeric(table: TableBlock, index: number): boolean {
    const kind = table.columns[index]?.kind;
    return kind === 'number' || kind === 'percent';
  }
}
