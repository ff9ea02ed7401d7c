/**
 * An economy layout printed with made-up figures, as the template editor's live preview shows
 * it: the same table block `economyTable` (section-blocks.ts) builds for a report, so headings,
 * groups, sub-totals, the total's label, decimals and the sign note are exactly as printed.
 */
import { changesSign, columnMeaning, type EconomyContent, type EconomyMeasure, type EconomyRow, type EconomyTableConfig, inputColumns, moneyDecimals, signsOf } from '@rapportflode/domain';
import type { TableBlock } from '../model';
import { Ids } from './context';
import { economyTable } from './section-blocks';

/** A verksamhet's figures in tkr with net costs negative (the other convention turns the cost measures). */
const SAMPLE: Readonly<Record<EconomyMeasure, number>> = {
  income: 500,
  costs: -10_000,
  net: -9_500,
  budget_income: 400,
  budget_costs: -9_600,
  budget_net: -9_200,
  budget_deviation: -300,
  annual_budget: -14_000,
  forecast: -14_300,
  forecast_deviation: -300,
  percent_of_budget: 68,
};

/** The sample rows: Äldreomsorg with two sub-rows, and a row of its own (also a section of blocks' economy block, section-sample.ts). */
export function economySampleContent(config: EconomyTableConfig): EconomyContent {
  const decimals = moneyDecimals(config);
  const scale = config.unit === 'mnkr' ? 1 / 1000 : 1;
  const turn = signsOf(config) === 'costs_positive' ? -1 : 1;
  const row = (key: string, label: string, share: number): EconomyRow => {
    const values: EconomyRow['values'] = {};
    for (const column of inputColumns(config)) {
      const measure = columnMeaning(config, column).measure;
      const base = SAMPLE[measure] * (changesSign(measure) ? turn : 1);
      const value = measure === 'percent_of_budget' ? base : base * share * scale;
      const factor = 10 ** (measure === 'percent_of_budget' ? 1 : decimals);
      values[column] = Math.round(value * factor) / factor;
    }
    return { key, label, values };
  };
  return {
    type: 'economy',
    rows: [
      { key: 'aldreomsorg', label: 'Äldreomsorg', values: {}, children: [row('hemtjanst', 'Hemtjänst', 1.37), row('boende', 'Särskilt boende', 2.11)] },
      row('ifo', 'Individ- och familjeomsorg', 0.83),
    ],
  };
}

/** The layout's table as printed, with sample figures (caption "Exempel"). */
export function economyLayoutSample(config: EconomyTableConfig): TableBlock {
  const ctx = {
    ids: new Ids(),
    cycle: { committee: 'Nämnden', municipality: 'Kommunen', title: 'Exempel', year: 2025, periodEnd: '2025-08-31', periodLabel: 'Exempel', diaryNumber: null, dates: [] },
    sectionName: 'Ekonomi',
    sectionTitle: 'Ekonomi',
    base: 2,
    headingId: 'exempel',
  };
  return economyTable(config, economySampleContent(config), ctx, null, 'Exempel med påhittade belopp', 'Verksamhet')[0] as TableBlock;
}
