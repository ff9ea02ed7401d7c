import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  CONTROL_RESULT_LABELS,
  INTERNAL_CONTROL_LAYOUT_LABELS,
  INTERNAL_CONTROL_LAYOUTS,
  type InternalControlConfig,
  type InternalControlLayout,
  internalControlLayoutOf,
  RISK_GROUP_DISPLAY_LABELS,
  RISK_GROUP_DISPLAYS,
  RISK_STATUS_LABELS,
  type RiskGroupDisplay,
} from '@rapportflode/domain';

/**
 * The internal control section's layout in the template editor: which table it prints (the
 * plan, the auditors' recommendations or systematic controls) and its caption, the risk
 * statuses the template adds, how risk groups print and whether empty optional columns are
 * left out. Sent up whole, with every option at its default left out (checked again by
 * checkInternalControlConfig in libs/domain).
 */
@Component({
  selector: 'rf-control-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './control-layout.component.html',
  styleUrls: ['./layout-form.css', './section-layout.component.css'],
})
export class ControlLayoutComponent {
  /** The section's id in the editor; the controls' ids start with it. */
  readonly id = input.required<string>();
  readonly config = input<InternalControlConfig | null | undefined>(null);
  readonly configChange = output<InternalControlConfig>();

  protected readonly layouts = INTERNAL_CONTROL_LAYOUTS;
  protected readonly layoutLabels = INTERNAL_CONTROL_LAYOUT_LABELS;
  protected readonly riskGroupDisplays = RISK_GROUP_DISPLAYS;
  protected readonly riskGroupLabels = RISK_GROUP_DISPLAY_LABELS;
  protected readonly builtIn = Object.values(RISK_STATUS_LABELS);
  protected readonly builtInResults = Object.values(CONTROL_RESULT_LABELS);
  protected readonly layout = computed(() => internalControlLayoutOf(this.config()));
  protected readonly statuses = computed(() => this.config()?.statuses ?? []);
  protected readonly results = computed(() => this.config()?.results ?? []);

  private emit(change: Partial<InternalControlConfig>): void {
    const next: Record<string, unknown> = { ...(this.config() ?? {}), ...change };
    // Defaults left out, so that an untouched section keeps the layout it had.
    if (next['layout'] === 'plan') delete next['layout'];
    if (next['riskGroups'] === 'column') delete next['riskGroups'];
    if (!next['caption']) delete next['caption'];
    if (next['hideEmptyColumns'] !== true) delete next['hideEmptyColumns'];
    for (const list of ['statuses', 'results']) if (Array.isArray(next[list]) && (next[list] as unknown[]).length === 0) delete next[list];
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    this.configChange.emit(next as InternalControlConfig);
  }

  protected setLayout(value: string): void {
    this.emit({ layout: value as InternalControlLayout });
  }

  protected setCaption(text: string): void {
    this.emit({ caption: text.trim() || undefined });
  }

  protected setHideEmpty(checked: boolean): void {
    this.emit({ hideEmptyColumns: checked });
  }

  protected setRiskGroups(value: string): void {
    this.emit({ riskGroups: value as RiskGroupDisplay });
  }

  private listOf(list: 'statuses' | 'results') {
    return list === 'statuses' ? this.statuses() : this.results();
  }

  /** Risk statuses (`statuses`, keys status-1 …) or control results (`results`, keys resultat-1 …). */
  protected setChoice(list: 'statuses' | 'results', index: number, label: string): void {
    this.emit({ [list]: this.listOf(list).map((s, i) => (i === index ? { ...s, label } : s)) });
  }

  protected addChoice(list: 'statuses' | 'results'): void {
    const current = this.listOf(list);
    const prefix = list === 'statuses' ? 'status' : 'resultat';
    const taken = new Set(current.map((s) => s.key));
    let n = current.length + 1;
    while (taken.has(`${prefix}-${n}`)) n += 1;
    this.emit({ [list]: [...current, { key: `${prefix}-${n}`, label: '' }] });
  }

  protected removeChoice(list: 'statuses' | 'results', index: number): void {
    this.emit({ [list]: this.listOf(list).filter((_, i) => i !== index) });
  }
}
