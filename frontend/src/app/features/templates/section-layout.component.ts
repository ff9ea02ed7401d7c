import { ChangeDetectionStrategy, Component, computed, forwardRef, input, output } from '@angular/core';
import {
  checkSectionConfig,
  DEFAULT_ECONOMY_CONFIG,
  DEFAULT_SICK_LEAVE_CONFIG,
  EconomyTableConfig,
  SectionConfig,
  SectionKind,
  SICK_LEAVE_PRESETS,
  SickLeaveConfig,
  TableColumn,
  tableConfigOf,
  TABLE_GROUP_DISPLAY_LABELS,
  TABLE_GROUP_DISPLAYS,
  type TableGroupDisplay,
} from '@rapportflode/domain';
import { EconomyLayoutComponent } from './economy-layout.component';
import { GoalsLayoutComponent } from './goals-layout.component';
import { BlocksLayoutComponent } from './blocks-layout.component';
import { ControlLayoutComponent } from './control-layout.component';
import { SectionPrintPreviewComponent } from './section-print-preview.component';
import { addTableColumn, removeTableColumn, sickLeavePresetOf, tableWithColumn } from './section-layout';

/** The kinds whose layout an administrator sets in the template. */
export const LAYOUT_KINDS: readonly SectionKind[] = ['economy', 'table', 'sick_leave', 'action_plan', 'goals', 'blocks', 'internal_control'];

/**
 * A section's layout in the template editor: the economy table's (economy-layout.component.ts), a table's
 * columns, sick leave's day limits, the action plan's areas. Changes are sent up as a whole
 * layout; the editor saves them with the template and the server checks them again.
 */
@Component({
  selector: 'rf-section-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EconomyLayoutComponent, GoalsLayoutComponent, forwardRef(() => BlocksLayoutComponent), ControlLayoutComponent, SectionPrintPreviewComponent],
  templateUrl: './section-layout.component.html',
  styleUrls: ['./layout-form.css', './section-layout.component.css'],
})
export class SectionLayoutComponent {
  readonly id = input.required<string>();
  readonly kind = input.required<SectionKind>();
  readonly config = input<SectionConfig | null | undefined>(null);
  /** The section's name, for the summary: "Upplägg för Ekonomi". */
  readonly label = input.required<string>();
  readonly open = input(false);
  readonly configChange = output<SectionConfig | null>();

  protected readonly economy = computed(() => this.config()?.economy ?? DEFAULT_ECONOMY_CONFIG);
  protected readonly table = computed(() => tableConfigOf(this.config()));
  protected readonly sickLeave = computed<SickLeaveConfig>(() => this.config()?.sickLeave ?? DEFAULT_SICK_LEAVE_CONFIG);
  protected readonly preset = computed(() => sickLeavePresetOf(this.sickLeave()));
  protected readonly errors = computed(() => {
    const checked = checkSectionConfig(this.kind(), this.config());
    return checked.ok ? [] : checked.errors;
  });

  private emit(change: Partial<SectionConfig>): void {
    this.configChange.emit({ ...change });
  }

  /** The economy layout as its form (economy-layout.component.ts) sends it: whole, options at their default left out. */
  protected setEconomyLayout(economy: EconomyTableConfig): void {
    this.emit({ economy });
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

  protected readonly tableGroupDisplays = TABLE_GROUP_DISPLAYS.map((value) => ({ value, label: TABLE_GROUP_DISPLAY_LABELS[value] }));

  /** How the rows' group headings print; the default (a first column) is not stored. */
  protected setTableGroups(value: string): void {
    const { groups: _old, ...rest } = this.table();
    const groups = (TABLE_GROUP_DISPLAYS as readonly string[]).includes(value) ? (value as TableGroupDisplay) : 'column';
    this.emit({ table: { ...rest, ...(groups !== 'column' ? { groups } : {}) } });
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
