/** "Ekonomiska konsekvenser": the approved nämnd figures in the memo's terms, and the text drafted from them. */
import { formatNumber, formatSignedNumber } from '../format';
import { RichTextDocument } from '../rich-text';
import { changesSign, columnMeaning, computeEconomy, EconomyColumn, EconomyContent, EconomyTableConfig, Figures, signsOf } from '../sections/economy';

/** One verksamhetsområde's (or enhet's) result for the period and forecast for the year, in tkr. */
export interface EconomicFigure {
  label: string;
  result: number | null;
  forecast: number | null;
}

/** The approved (or frozen) nämnd table in the memo's terms: rows and the nämnd total, in tkr. */
export interface EconomicFigures {
  rows: EconomicFigure[];
  total: { result: number | null; forecast: number | null };
}

/** Which column is the period's result and which the year's forecast: Gnesta prints the deviations against budget. */
export function resultColumns(config: EconomyTableConfig): { result: EconomyColumn | null; forecast: EconomyColumn | null } {
  const first = (...columns: EconomyColumn[]) => columns.find((c) => config.columns.includes(c)) ?? null;
  return { result: first('budget_deviation', 'net'), forecast: first('forecast_deviation', 'forecast') };
}

/**
 * The figures of a nämnd economy table (e.g. committeeEconomyContent's): one per top-level row,
 * and the total. They are results, whatever the table's sign convention: positive is a surplus
 * or better than budget — a deviation as the table has it, a net or a forecast of a table with
 * costs positive (a nettokostnad) with its sign turned.
 */
export function economicFigures(config: EconomyTableConfig, content: EconomyContent): EconomicFigures {
  const { result, forecast } = resultColumns(config);
  const factor = config.unit === 'mnkr' ? 1000 : 1;
  const costsPositive = signsOf(config) === 'costs_positive';
  const pick = (values: Figures, column: EconomyColumn | null): number | null => {
    const value = column ? values[column] : null;
    if (typeof value !== 'number' || column === null) return null;
    const sign = costsPositive && changesSign(columnMeaning(config, column).measure) ? -1 : 1;
    return Math.round(sign * value * factor * 1000) / 1000 + 0;
  };
  const computed = computeEconomy(config, content);
  return {
    rows: computed.rows.map((row) => ({ label: row.label, result: pick(row.values, result), forecast: pick(row.values, forecast) })),
    total: { result: pick(computed.total, result), forecast: pick(computed.total, forecast) },
  };
}

export function hasEconomicFigures(figures: EconomicFigures): boolean {
  return figures.total.result !== null || figures.total.forecast !== null || figures.rows.some((r) => r.result !== null || r.forecast !== null);
}

export interface DraftOptions {
  /** 'Socialnämnden' */
  committee: string;
  /** The period's last month in words: 'augusti'. */
  month: string;
  /** How figures are written: 'tkr' as reference 003 (`−9 504 tkr`), or 'mnkr' (`−9,5 miljoner kronor`). */
  unit?: 'tkr' | 'mnkr';
}

/** `−9 504 tkr`, or with mnkr `−9,5 miljoner kronor`; signed like the reference (`+17 tkr`). */
export function formatAmount(valueTkr: number, unit: 'tkr' | 'mnkr' = 'tkr', signed = true): string {
  const value = unit === 'mnkr' ? valueTkr / 1000 : valueTkr;
  const decimals = unit === 'mnkr' ? 1 : 0;
  const number = signed ? formatSignedNumber(value, decimals) : formatNumber(value, decimals);
  return `${number}\u00a0${unit === 'mnkr' ? 'miljoner kronor' : 'tkr'}`;
}

/** 'Socialnämnden' → 'Socialnämndens'. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function paragraphOf(text: string): RichTextDocument['content'][number] {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/**
 * "Ekonomiska konsekvenser" drafted from the figures in reference 003's phrasing: the nämnd's
 * result for the period and where the deficits and surpluses are, the forecast and where the
 * negative and positive forecasts are, and the closing `Prognos: −9 030 tkr`.
 */
export function draftEconomicConsequences(figures: EconomicFigures, options: DraftOptions): RichTextDocument {
  const unit = options.unit ?? 'tkr';
  const amount = (value: number) => formatAmount(value, unit);
  const listed = (rows: EconomicFigure[], key: 'result' | 'forecast') =>
    joinSwedish(rows.map((row) => `${row.label} (${amount(row[key] as number)})`));
  const paragraphs: string[] = [];
  const committee = options.committee;

  const results = figures.rows.filter((r) => r.result !== null);
  if (figures.total.result !== null || results.length) {
    const sentences: string[] = [];
    if (figures.total.result !== null) {
      sentences.push(`${genitive(committee)} resultat t.o.m. ${options.month} uppgår till ${amount(figures.total.result)}.`);
    }
    const negative = results.filter((r) => (r.result as number) < 0);
    const positive = results.filter((r) => (r.result as number) >= 0);
    if (negative.length) sentences.push(`Underskott redovisas inom ${listed(negative, 'result')}.`);
    if (positive.length) sentences.push(`Positiva resultat redovisas för ${listed(positive, 'result')}.`);
    paragraphs.push(sentences.join(' '));
  }
  const forecasts = figures.rows.filter((r) => r.forecast !== null);
  if (figures.total.forecast !== null || forecasts.length) {
    const sentences: string[] = [];
    if (figures.total.forecast !== null) {
      sentences.push(`Prognosen för ${committee.toLocaleLowerCase('sv-SE')} uppgår till ${amount(figures.total.forecast)}.`);
    }
    const negative = forecasts.filter((r) => (r.forecast as number) < 0);
    const positive = forecasts.filter((r) => (r.forecast as number) >= 0);
    if (negative.length) sentences.push(`Negativa prognoser återfinns inom ${listed(negative, 'forecast')}.`);
    if (positive.length) sentences.push(`Positiva prognoser redovisas för ${listed(positive, 'forecast')}.`);
    paragraphs.push(sentences.join(' '));
    if (figures.total.forecast !== null) paragraphs.push(`Prognos: ${amount(figures.total.forecast)}`);
  }
  if (paragraphs.length === 0) {
    paragraphs.push('Det finns ännu inga godkända ekonomiska siffror för perioden.');
  }
  return { type: 'doc', version: 1, content: paragraphs.map(paragraphOf) };
}
