import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { GOALS_PRINT_COLUMN_LABELS, GOALS_PRINT_COLUMNS, type GoalsConfig, type GoalsPrintColumn } from '@rapportflode/domain';
import { goalsColumnChosen, type GoalsLayoutChange, goalsLayoutPreview, goalsLayoutWith } from './goals-layout';

/**
 * A goals section's layout in the template editor (inside rf-section-layout): the report's year
 * and decimals, målområden, which levels are assessed, which indicator columns print, and an
 * example of the printed goal that follows every choice. Sends the whole goals layout up.
 */
@Component({
  selector: 'rf-goals-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './goals-layout.component.html',
  styleUrls: ['./layout-form.css', './goals-layout.component.css'],
})
export class GoalsLayoutComponent {
  /** The section layout's id: every control's id starts with it. */
  readonly id = input.required<string>();
  readonly config = input<GoalsConfig | null | undefined>(null);
  readonly configChange = output<GoalsConfig>();

  protected readonly columns = GOALS_PRINT_COLUMNS;
  protected readonly columnLabels = GOALS_PRINT_COLUMN_LABELS;
  protected readonly levels = [
    { key: 'assessGoals', id: 'assess-goals', label: 'Kommunfullmäktiges mål bedöms' },
    { key: 'assessCommitteeGoals', id: 'assess-committee', label: 'Nämndmålen bedöms' },
    { key: 'assessIndicators', id: 'assess-indicators', label: 'Indikatorerna bedöms' },
  ] as const;
  protected readonly preview = computed(() => goalsLayoutPreview(this.config()));

  protected assessedLevel(key: (typeof this.levels)[number]['key']): boolean {
    const value = this.config()?.[key];
    return key === 'assessGoals' ? value === true : value !== false;
  }

  protected chosen(column: GoalsPrintColumn): boolean {
    return goalsColumnChosen(this.config(), column);
  }

  protected change(change: GoalsLayoutChange): void {
    this.configChange.emit(goalsLayoutWith(this.config(), change));
  }

  protected setLevel(key: (typeof this.levels)[number]['key'], value: boolean): void {
    this.change({ [key]: value } as GoalsLayoutChange);
  }

  protected setYear(text: string): void {
    const year = Number(text);
    this.change({ year: text.trim() && Number.isInteger(year) ? year : null });
  }
}
