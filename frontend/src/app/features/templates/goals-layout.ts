/**
 * The goals layout as the template editor changes it (goals-layout.component.ts): every option of
 * GoalsConfig (libs/domain/src/lib/sections/goals.ts) kept only where it differs from the default,
 * and the example the editor shows of how the report prints with the choices made. No Angular.
 */
import {
  ASSESSMENT_LABELS,
  earlierColumnLabel,
  GOALS_PRINT_COLUMNS,
  goalsAssessed,
  goalsColumnLabels,
  type GoalsConfig,
  type GoalsPrintColumn,
  goalsPrintColumns,
} from '@rapportflode/domain';

export type GoalsLayoutChange =
  | { year: number | null }
  | { decimals: number }
  | { areas: boolean }
  | { assessGoals: boolean }
  | { assessCommitteeGoals: boolean }
  | { assessIndicators: boolean }
  | { column: GoalsPrintColumn; printed: boolean };

/** The layout with one choice changed; a choice back at its default is left out (the stored layout says only what differs). */
export function goalsLayoutWith(config: GoalsConfig | null | undefined, change: GoalsLayoutChange): GoalsConfig {
  const next: GoalsConfig = { ...config };
  if ('year' in change) {
    if (change.year === null) delete next.year;
    else next.year = change.year;
  } else if ('decimals' in change) {
    if (change.decimals === 1) delete next.decimals;
    else next.decimals = change.decimals;
  } else if ('column' in change) {
    const chosen = new Set(next.printColumns ?? GOALS_PRINT_COLUMNS);
    if (change.printed) chosen.add(change.column);
    else chosen.delete(change.column);
    const printColumns = GOALS_PRINT_COLUMNS.filter((c) => chosen.has(c));
    if (printColumns.length === GOALS_PRINT_COLUMNS.length) delete next.printColumns;
    else next.printColumns = printColumns;
  } else {
    const [[key, value]] = Object.entries(change) as Array<[keyof GoalsConfig, boolean]>;
    const byDefault = key === 'assessCommitteeGoals' || key === 'assessIndicators';
    if (value === byDefault) delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** Whether a column is printed under the layout (the assessment column's choice is kept even while indicators are not assessed). */
export function goalsColumnChosen(config: GoalsConfig | null | undefined, column: GoalsPrintColumn): boolean {
  return (config?.printColumns ?? GOALS_PRINT_COLUMNS).includes(column);
}

export interface GoalsLayoutPreview {
  /** The lines above the indicator table: målområde, kommunfullmäktiges mål, nämndmål. */
  lines: string[];
  /** The indicator table's headings as the report prints them. */
  headings: string[];
  /** One example row, cell by cell. */
  row: string[];
}

/** How the report prints a goal and its indicator table with the layout: an invented example. */
export function goalsLayoutPreview(config: GoalsConfig | null | undefined): GoalsLayoutPreview {
  const labels = goalsColumnLabels(config);
  const assessed = goalsAssessed(config);
  const year = config?.year;
  const earlier = year ? [String(year - 3), String(year - 2)] : ['2019', '2020'];
  const assessment = (text: string) => ` – Bedömning: ${text}`;
  const lines = [
    ...(config?.areas ? ['Målområde: Livskvalitet'] : []),
    `Kommunfullmäktiges mål: Alla ska kunna leva ett tryggt liv${assessed.goals ? assessment(ASSESSMENT_LABELS.met) : ''}`,
    `Nämndmål: Fler kunder upplever att insatserna ger stöd${assessed.committeeGoals ? assessment(ASSESSMENT_LABELS.partly) : ''}`,
  ];
  const headings: string[] = [labels.name];
  const row = ['Andel kunder som upplever stöd'];
  const cells: Record<GoalsPrintColumn, { headings: string[]; cells: string[] }> = {
    unit: { headings: [labels.unit], cells: ['%'] },
    earlier: { headings: earlier.map(earlierColumnLabel), cells: ['71', '73,5'] },
    previous: { headings: [labels.previous], cells: ['76'] },
    value: { headings: [labels.value], cells: ['81'] },
    target: { headings: [labels.target], cells: ['Öka'] },
    fulfilment: { headings: [labels.fulfilment], cells: ['–'] },
    assessment: { headings: [labels.assessment], cells: [ASSESSMENT_LABELS.met] },
    source: { headings: [labels.source], cells: ['Egen mätning'] },
  };
  for (const column of goalsPrintColumns(config)) {
    headings.push(...cells[column].headings);
    row.push(...cells[column].cells);
  }
  return { lines, headings, row };
}
