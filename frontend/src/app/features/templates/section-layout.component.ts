import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  checkSectionConfig,
  columnLabel,
  DEFAULT_ECONOMY_CONFIG,
  DEFAULT_SICK_LEAVE_CONFIG,
  ECONOMY_COLUMN_LABELS,
  ECONOMY_COLUMNS,
  EconomyColumn,
  EconomyTableConfig,
  isComputed,
  SectionConfig,
  SectionKind,
  SICK_LEAVE_PRESETS,
  SickLeaveConfig,
  TableColumn,
  tableConfigOf,
} from '@rapportflode/domain';
import {
  addTableColumn,
  economyWith,
  removeTableColumn,
  sickLeavePresetOf,
  tableWithColumn,
} from './section-layout';

/** The kinds whose layout an administrator sets in the template. */
export const LAYOUT_KINDS: readonly SectionKind[] = ['economy', 'table', 'sick_leave', 'action_plan'];

/**
 * A section's layout in the template editor: the economy table's unit and columns, a table's
 * columns, sick leave's day limits, the action plan's areas. Changes are sent up as a whole
 * layout; the editor saves them with the template and the server checks them again.
 */
@Component({
  selector: 'rf-section-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="layout" [open]="open()">
      <summary>Upplägg för {{ label() }}</summary>
      @switch (kind()) {
        @case ('economy') {
          @let layout = economy();
          <fieldset>
            <legend>Belopp anges i</legend>
            @for (unit of units; track unit) {
              <label class="inline">
                <input type="radio" [name]="id() + '-unit'" [checked]="layout.unit === unit" (change)="setEconomy({ unit })" />
                {{ unit }}
              </label>
            }
          </fieldset>
          <table class="data">
            <caption>Kolumner i ekonomitabellen</caption>
            <thead>
              <tr>
                <th scope="col">Kolumn</th>
                <th scope="col">Ingår</th>
                <th scope="col">Rubrik i rapporten</th>
                <th scope="col">Fylls i</th>
              </tr>
            </thead>
            <tbody>
              @for (column of economyColumns; track column) {
                @let included = layout.columns.includes(column);
                <tr>
                  <th scope="row">{{ economyLabels[column] }}</th>
                  <td>
                    <input
                      type="checkbox"
                      [checked]="included"
                      [attr.aria-label]="economyLabels[column] + ' ingår'"
                      (change)="toggleEconomyColumn(column, $any($event.target).checked)"
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      maxlength="80"
                      [disabled]="!included"
                      [value]="included ? headingOf(layout, column) : ''"
                      [attr.aria-label]="'Rubrik för ' + economyLabels[column]"
                      (change)="setEconomyHeading(column, $any($event.target).value)"
                    />
                  </td>
                  <td>{{ included ? (computed(layout, column) ? 'Beräknas' : 'Fylls i') : '' }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        @case ('table') {
          @let layout = table();
          <table class="data">
            <caption>Kolumner i tabellen</caption>
            <thead>
              <tr>
                <th scope="col">Rubrik</th>
                <th scope="col">Typ</th>
                <th scope="col">Decimaler</th>
                <th scope="col">Summeras</th>
                <th scope="col">Måste fyllas i</th>
                <th scope="col"><span class="visually-hidden">Ta bort</span></th>
              </tr>
            </thead>
            <tbody>
              @for (column of layout.columns; track column.key; let i = $index) {
                <tr>
                  <td>
                    <input
                      type="text"
                      maxlength="120"
                      [value]="column.label"
                      [attr.aria-label]="'Rubrik för kolumn ' + (i + 1)"
                      (change)="setColumn(i, { label: $any($event.target).value })"
                    />
                  </td>
                  <td>
                    <select [attr.aria-label]="'Typ för ' + column.label" (change)="setColumn(i, { type: $any($event.target).value })">
                      <option value="text" [selected]="column.type === 'text'">Text</option>
                      <option value="number" [selected]="column.type === 'number'">Tal</option>
                    </select>
                  </td>
                  <td>
                    <input
                      type="number"
                      min="0"
                      max="4"
                      [disabled]="column.type !== 'number'"
                      [value]="column.decimals ?? 0"
                      [attr.aria-label]="'Decimaler för ' + column.label"
                      (change)="setColumn(i, { decimals: +$any($event.target).value })"
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      [disabled]="column.type !== 'number'"
                      [checked]="column.sum === true"
                      [attr.aria-label]="'Summera ' + column.label"
                      (change)="setColumn(i, { sum: $any($event.target).checked })"
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      [checked]="column.required === true"
                      [attr.aria-label]="column.label + ' måste fyllas i'"
                      (change)="setColumn(i, { required: $any($event.target).checked })"
                    />
                  </td>
                  <td>
                    <button type="button" class="link" [disabled]="layout.columns.length === 1" (click)="removeColumn(i)">
                      Ta bort<span class="visually-hidden"> kolumnen {{ column.label }}</span>
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
          <p>
            <button type="button" class="link" (click)="addColumn()">Lägg till kolumn</button>
          </p>
          <label class="stacked">
            Summaradens rubrik
            <input type="text" maxlength="80" [value]="layout.totalLabel ?? ''" (change)="setTotalLabel($any($event.target).value)" />
          </label>
        }
        @case ('sick_leave') {
          @let layout = sickLeave();
          <label class="stacked">
            Gränser för kort och lång sjukfrånvaro
            <select (change)="setSickLeavePreset($any($event.target).value)">
              <option value="standard" [selected]="preset() === 'standard'">1–14 dagar och 15–90 dagar</option>
              <option value="nacka" [selected]="preset() === 'nacka'">≤59 dagar och ≥60 dagar (Nackamodellen)</option>
              <option value="custom" [selected]="preset() === 'custom'">Egna gränser</option>
            </select>
          </label>
          @if (preset() === 'custom') {
            <label class="stacked">
              Kort sjukfrånvaro
              <input type="text" maxlength="40" [value]="layout.shortTermLabel" (change)="setSickLeave({ shortTermLabel: $any($event.target).value })" />
            </label>
            <label class="stacked">
              Lång sjukfrånvaro
              <input type="text" maxlength="40" [value]="layout.longTermLabel" (change)="setSickLeave({ longTermLabel: $any($event.target).value })" />
            </label>
          }
          <label class="stacked">
            Decimaler
            <select (change)="setSickLeave({ decimals: +$any($event.target).value === 2 ? 2 : 1 })">
              <option value="1" [selected]="(layout.decimals ?? 1) === 1">En (5,3 %)</option>
              <option value="2" [selected]="layout.decimals === 2">Två (5,31 %)</option>
            </select>
          </label>
          <label class="inline">
            <input type="checkbox" [checked]="layout.byGender === true" (change)="setSickLeave({ byGender: $any($event.target).checked })" />
            Redovisa kvinnor och män
          </label>
        }
        @case ('action_plan') {
          <label class="stacked">
            Ansvarsområden att välja bland (skilj med kommatecken, tomt = fri text)
            <input type="text" [value]="(config()?.actionPlan?.areas ?? []).join(', ')" (change)="setAreas($any($event.target).value)" />
          </label>
          <label class="inline">
            <input type="checkbox" [checked]="config()?.actionPlan?.effect === true" (change)="setEffect($any($event.target).checked)" />
            Kolumn för förväntad effekt i tkr
          </label>
        }
      }
      @if (errors().length > 0) {
        <ul class="field-error">
          @for (error of errors(); track error) {
            <li>{{ error }}</li>
          }
        </ul>
      }
    </details>
  `,
  styles: `
    .layout {
      margin: 0.5rem 0;
    }
    summary {
      cursor: pointer;
      font-weight: 500;
    }
    table {
      margin: 0.5rem 0;
    }
    td input[type='text'] {
      width: 14rem;
    }
    td input[type='number'] {
      width: 4rem;
    }
    .stacked {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin: 0.5rem 0;
      max-width: 32rem;
    }
    .inline {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
      margin-right: 1rem;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0.5rem 0;
    }
    button.link {
      background: none;
      border: none;
      color: var(--mat-sys-primary);
      text-decoration: underline;
      cursor: pointer;
      padding: 0;
      font: inherit;
    }
    .field-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class SectionLayoutComponent {
  readonly id = input.required<string>();
  readonly kind = input.required<SectionKind>();
  readonly config = input<SectionConfig | null | undefined>(null);
  /** The section's name, for the summary: "Upplägg för Ekonomi". */
  readonly label = input.required<string>();
  readonly open = input(false);
  readonly configChange = output<SectionConfig | null>();

  protected readonly units = ['tkr', 'mnkr'] as const;
  protected readonly economyColumns = ECONOMY_COLUMNS;
  protected readonly economyLabels = ECONOMY_COLUMN_LABELS;
  protected readonly economy = computed(() => this.config()?.economy ?? DEFAULT_ECONOMY_CONFIG);
  protected readonly table = computed(() => tableConfigOf(this.config()));
  protected readonly sickLeave = computed<SickLeaveConfig>(() => this.config()?.sickLeave ?? DEFAULT_SICK_LEAVE_CONFIG);
  protected readonly preset = computed(() => sickLeavePresetOf(this.sickLeave()));
  protected readonly errors = computed(() => {
    const checked = checkSectionConfig(this.kind(), this.config());
    return checked.ok ? [] : checked.errors;
  });

  protected headingOf(config: EconomyTableConfig, column: EconomyColumn): string {
    return columnLabel(config, column);
  }

  protected computed(config: EconomyTableConfig, column: EconomyColumn): boolean {
    return isComputed(config, column);
  }

  private emit(change: Partial<SectionConfig>): void {
    this.configChange.emit({ ...change });
  }

  protected setEconomy(change: Partial<EconomyTableConfig>): void {
    this.emit({ economy: { ...this.economy(), ...change } });
  }

  protected toggleEconomyColumn(column: EconomyColumn, included: boolean): void {
    this.emit({ economy: economyWith(this.economy(), column, included) });
  }

  protected setEconomyHeading(column: EconomyColumn, text: string): void {
    const labels = { ...this.economy().labels };
    if (text.trim() && text.trim() !== ECONOMY_COLUMN_LABELS[column]) labels[column] = text.trim();
    else delete labels[column];
    const { labels: _old, ...rest } = this.economy();
    this.emit({ economy: { ...rest, ...(Object.keys(labels).length ? { labels } : {}) } });
  }

  protected setColumn(index: number, change: Partial<TableColumn>): void {
    this.emit({ table: tableWithColumn(this.table(), index, change) });
  }

  protected addColumn(): void {
    this.emit({ table: addTableColumn(this.table()) });
  }

  protected removeColumn(index: number): void {
    this.emit({ table: removeTableColumn(this.table(), index) });
  }

  protected setTotalLabel(text: string): void {
    const { totalLabel: _old, ...rest } = this.table();
    this.emit({ table: { ...rest, ...(text.trim() ? { totalLabel: text.trim() } : {}) } });
  }

  protected setSickLeavePreset(preset: string): void {
    const { decimals, byGender } = this.sickLeave();
    const limits = preset === 'nacka' || preset === 'standard' ? SICK_LEAVE_PRESETS[preset] : { shortTermLabel: '', longTermLabel: '' };
    this.emit({ sickLeave: { ...limits, ...(decimals ? { decimals } : {}), ...(byGender ? { byGender } : {}) } });
  }

  protected setSickLeave(change: Partial<SickLeaveConfig>): void {
    this.emit({ sickLeave: { ...this.sickLeave(), ...change } });
  }

  protected setAreas(text: string): void {
    const areas = text
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const current = this.config()?.actionPlan ?? {};
    const { areas: _old, ...rest } = current;
    this.emit({ actionPlan: { ...rest, ...(areas.length ? { areas } : {}) } });
  }

  protected setEffect(effect: boolean): void {
    const { effect: _old, ...rest } = this.config()?.actionPlan ?? {};
    this.emit({ actionPlan: { ...rest, ...(effect ? { effect: true } : {}) } });
  }
}
