/**
 * The check of a template's economy layout (docs/domain.md, "Sections and their content"): its
 * unit, columns and headings, what the earlier-period columns hold, and the layout options — the
 * sign convention, headings over runs of columns, the total's label, where sub-totals stand,
 * the first column's heading and mnkr's decimals. Every option left out keeps today's table, and
 * an option given with its default value is not stored, so old layouts stay as they are.
 */
import { isRecord } from '../section-check';
import { headingFits, meaningHeading } from './meaning';
import {
  ECONOMY_COLUMN_LABELS,
  ECONOMY_COLUMNS,
  ECONOMY_SIGNS,
  type EconomyColumn,
  type EconomyColumnGroup,
  type EconomySigns,
  type EconomyTableConfig,
  type MoneyUnit,
} from './model';

export const ECONOMY_CONFIG_LIMITS = { maxGroupLabel: 60, maxTotalLabel: 60, maxRowHeading: 60 };

export type EconomyConfigCheck = { ok: true; config: EconomyTableConfig } | { ok: false; errors: string[] };

const shortText = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim().length > 0 && value.trim().length <= max ? value.trim() : null;

/** The headings over runs of columns, checked against the table's columns (in their order). */
function checkGroups(raw: unknown, columns: readonly EconomyColumn[], errors: string[]): EconomyColumnGroup[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.push('Kolumngrupperna har fel format.');
    return [];
  }
  const name = (column: EconomyColumn) => ECONOMY_COLUMN_LABELS[column];
  const owner = new Map<EconomyColumn, string>();
  const groups: EconomyColumnGroup[] = [];
  for (const item of raw) {
    if (!isRecord(item)) {
      errors.push('En kolumngrupp har fel format.');
      continue;
    }
    const label = shortText(item['label'], ECONOMY_CONFIG_LIMITS.maxGroupLabel);
    if (!label) {
      errors.push(`En kolumngrupp saknar rubrik (1–${ECONOMY_CONFIG_LIMITS.maxGroupLabel} tecken).`);
      continue;
    }
    const listed = Array.isArray(item['columns']) ? (item['columns'] as unknown[]) : [];
    if (listed.length === 0) {
      errors.push(`Kolumngruppen "${label}" har inga kolumner.`);
      continue;
    }
    const own = listed.filter((c): c is EconomyColumn => (columns as readonly unknown[]).includes(c));
    if (own.length !== listed.length) {
      errors.push(`Kolumngruppen "${label}" har en kolumn som inte finns i tabellen.`);
      continue;
    }
    let clash = false;
    for (const column of new Set(own)) {
      const other = owner.get(column);
      if (other !== undefined) {
        errors.push(`Kolumnen ${name(column)} ligger i två kolumngrupper ("${other}" och "${label}").`);
        clash = true;
      } else owner.set(column, label);
    }
    if (clash) continue;
    const positions = [...new Set(own)].map((c) => columns.indexOf(c)).sort((a, b) => a - b);
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (last - first + 1 !== positions.length) {
      const between = columns.slice(first, last + 1).filter((c) => !own.includes(c));
      errors.push(
        `Kolumngruppen "${label}" ska omfatta kolumner som står bredvid varandra; ${between.map(name).join(', ')} står emellan. ` +
          'Flytta kolumnerna eller dela gruppen.',
      );
      continue;
    }
    groups.push({ label, columns: columns.slice(first, last + 1) });
  }
  return groups.sort((a, b) => columns.indexOf(a.columns[0]) - columns.indexOf(b.columns[0]));
}

/** Checks a template's layout of an economy table and returns it in clean form (unknown settings dropped). */
export function checkEconomyConfig(input: unknown): EconomyConfigCheck {
  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['Ekonomitabellens upplägg saknas.'] };
  const raw = input as Record<string, unknown>;
  const errors: string[] = [];
  const unit = raw['unit'];
  if (unit !== 'tkr' && unit !== 'mnkr') errors.push('Ange enhet för ekonomitabellen: tkr eller mnkr.');
  const columns = Array.isArray(raw['columns']) ? raw['columns'] : [];
  const known = columns.filter((c): c is EconomyColumn => (ECONOMY_COLUMNS as readonly unknown[]).includes(c));
  if (known.length !== columns.length) errors.push('Ekonomitabellen har en okänd kolumn.');
  if (new Set(known).size !== known.length) errors.push('En kolumn förekommer två gånger i ekonomitabellen.');
  if (known.length === 0) errors.push('Välj minst en kolumn för ekonomitabellen.');
  let earlierMeasures: EconomyTableConfig['earlierMeasures'];
  if (isRecord(raw['earlierMeasures'])) {
    const result = raw['earlierMeasures']['earlier_result'];
    const forecast = raw['earlierMeasures']['earlier_forecast'];
    if (result !== undefined && result !== 'net' && result !== 'budget_deviation') errors.push('Resultat tidigare period ska vara utfall netto eller budgetavvikelse.');
    if (forecast !== undefined && forecast !== 'forecast' && forecast !== 'forecast_deviation') errors.push('Prognos tidigare period ska vara prognos eller prognosavvikelse.');
    earlierMeasures = {
      ...(result === 'net' || result === 'budget_deviation' ? { earlier_result: result } : {}),
      ...(forecast === 'forecast' || forecast === 'forecast_deviation' ? { earlier_forecast: forecast } : {}),
    };
    if (Object.keys(earlierMeasures).length === 0) earlierMeasures = undefined;
  }
  const labels: Partial<Record<EconomyColumn, string>> = {};
  if (typeof raw['labels'] === 'object' && raw['labels'] !== null) {
    for (const [key, value] of Object.entries(raw['labels'] as Record<string, unknown>)) {
      if (!(known as readonly string[]).includes(key)) continue;
      const column = key as EconomyColumn;
      if (typeof value !== 'string' || !value.trim() || value.length > 80) {
        errors.push(`Kolumnrubriken för ${ECONOMY_COLUMN_LABELS[column]} ska vara 1–80 tecken.`);
      } else if (!headingFits({ unit: 'tkr', columns: known, earlierMeasures }, column, value.trim())) {
        errors.push(
          `Kolumnrubriken "${value.trim()}" säger inte vad kolumnen innehåller (${meaningHeading({ unit: 'tkr', columns: known, earlierMeasures }, column)}). ` +
            'En avvikelse ska heta avvikelse, en prognos prognos och en budget budget.',
        );
      } else labels[column] = value.trim();
    }
  }

  const signs = raw['signs'] ?? 'net_cost_negative';
  if (!(ECONOMY_SIGNS as readonly unknown[]).includes(signs)) {
    errors.push('Teckenregeln ska vara "Negativa belopp är nettokostnader" eller "Kostnader anges med positiva belopp".');
  }
  const groups = checkGroups(raw['groups'], known, errors);
  let totalLabel: string | null = null;
  if (raw['totalLabel'] !== undefined && raw['totalLabel'] !== null) {
    totalLabel = shortText(raw['totalLabel'], ECONOMY_CONFIG_LIMITS.maxTotalLabel);
    if (!totalLabel) errors.push(`Summaradens rubrik ska vara 1–${ECONOMY_CONFIG_LIMITS.maxTotalLabel} tecken.`);
  }
  const subtotalPosition = raw['subtotalPosition'] ?? 'above';
  if (subtotalPosition !== 'above' && subtotalPosition !== 'below') {
    errors.push('Delsummor står antingen på raden med underrader (ovanför) eller i en summarad under underraderna.');
  }
  let rowHeading: string | null = null;
  if (raw['rowHeading'] !== undefined && raw['rowHeading'] !== null) {
    rowHeading = shortText(raw['rowHeading'], ECONOMY_CONFIG_LIMITS.maxRowHeading);
    if (!rowHeading) errors.push(`Rubriken för första kolumnen ska vara 1–${ECONOMY_CONFIG_LIMITS.maxRowHeading} tecken.`);
  }
  const decimals = raw['decimals'] ?? null;
  if (decimals !== null) {
    if (decimals !== 0 && decimals !== 1 && decimals !== 2) errors.push('Mnkr anges med en eller två decimaler.');
    else if (unit === 'tkr' && decimals !== 0) errors.push('Tkr anges i heltal; två decimaler går bara med mnkr.');
    else if (unit === 'mnkr' && decimals === 0) errors.push('Mnkr anges med en eller två decimaler.');
  }

  if (errors.length) return { ok: false, errors };
  // Columns in the order the municipality prints them.
  return {
    ok: true,
    config: {
      unit: unit as MoneyUnit,
      columns: known,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(earlierMeasures ? { earlierMeasures } : {}),
      ...(signs === 'costs_positive' ? { signs: signs as EconomySigns } : {}),
      ...(groups.length ? { groups } : {}),
      ...(totalLabel && totalLabel !== 'Summa' ? { totalLabel } : {}),
      ...(subtotalPosition === 'below' ? { subtotalPosition: 'below' as const } : {}),
      ...(rowHeading ? { rowHeading } : {}),
      ...(unit === 'mnkr' && decimals === 2 ? { decimals: 2 as const } : {}),
    },
  };
}
