import {
  carryEconomyForward,
  checkEconomy,
  checkEconomyConfig,
  committeeEconomyContent,
  computeEconomy,
  economyChartFigures,
  economySignNote,
  EconomyContent,
  EconomyTableConfig,
  moneyDecimals,
} from './economy';
import { economyGridFromCsv, importEconomy, importSignWarning, suggestEconomyMapping } from './economy-import';
import { draftEconomicConsequences, economicFigures } from '../memo';
import { plainText } from '../rich-text';
import { checkSectionConfig } from './content';

const FULL: EconomyTableConfig['columns'] = ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'];
const NEGATIVE: EconomyTableConfig = { unit: 'tkr', columns: FULL };
const POSITIVE: EconomyTableConfig = { unit: 'tkr', columns: FULL, signs: 'costs_positive' };

/** The same verksamhet typed under both conventions: income 500, costs 10 000, budget costs 9 600, helår budget 14 000 net, prognos 14 300. */
const row = (signs: 1 | -1, key = 'hemtjanst', label = 'Hemtjänst') => ({
  key,
  label,
  values: { income: 500, costs: signs * 10_000, budget_income: 400, budget_costs: signs * 9_600, annual_budget: signs * 14_000, forecast: signs * 14_300 },
});

describe('economy sign convention', () => {
  it('computes net costs, deviations and totals with costs positive: nettokostnad = kostnader − intäkter, avvikelse = budget − utfall', () => {
    const content: EconomyContent = { type: 'economy', rows: [row(1), row(1, 'boende', 'Boende')] };
    const computed = computeEconomy(POSITIVE, content);
    expect(computed.rows[0].values).toMatchObject({ net: 9_500, budget_net: 9_200, budget_deviation: -300, forecast_deviation: -300 });
    expect(computed.total).toMatchObject({ costs: 20_000, net: 19_000, budget_net: 18_400, budget_deviation: -600, annual_budget: 28_000, forecast_deviation: -600 });
  });

  it('gives the same deviations as the default convention for the same economy, with net costs the other way round', () => {
    const positive = computeEconomy(POSITIVE, { type: 'economy', rows: [row(1)] }).total;
    const negative = computeEconomy(NEGATIVE, { type: 'economy', rows: [row(-1)] }).total;
    expect(negative).toMatchObject({ net: -9_500, budget_net: -9_200, budget_deviation: -300, forecast_deviation: -300 });
    expect(positive.budget_deviation).toBe(negative.budget_deviation);
    expect(positive.forecast_deviation).toBe(negative.forecast_deviation);
    expect(positive.net).toBe(-(negative.net as number));
  });

  it('a saving is a positive deviation with costs positive', () => {
    const saving = { key: 'r', label: 'Lokaler', values: { costs: 800, budget_costs: 1_000, annual_budget: 1_500, forecast: 1_200 } };
    const values = computeEconomy(POSITIVE, { type: 'economy', rows: [saving] }).rows[0].values;
    expect(values).toMatchObject({ net: 800, budget_net: 1_000, budget_deviation: 200, forecast_deviation: 300 });
  });

  it('refuses costs with the wrong sign for the layout, with the sign the layout wants', () => {
    const positiveCheck = checkEconomy(POSITIVE, { type: 'economy', rows: [row(-1)] });
    expect(positiveCheck.ok ? [] : positiveCheck.issues.map((i) => i.message)).toEqual([
      'Utfall kostnader: kostnader anges som positiva tal (10\u00a0000).',
      'Budget kostnader: kostnader anges som positiva tal (9\u00a0600).',
    ]);
    expect(checkEconomy(POSITIVE, { type: 'economy', rows: [row(1)] }).ok).toBe(true);
    expect(checkEconomy(NEGATIVE, { type: 'economy', rows: [row(1)] }).ok).toBe(false);
    expect(checkEconomy(NEGATIVE, { type: 'economy', rows: [row(-1)] }).ok).toBe(true);
  });

  it('prints a note that says how the figures are signed', () => {
    expect(economySignNote(NEGATIVE)).toBe('Negativa belopp är nettokostnader.');
    expect(economySignNote(POSITIVE)).toBe('Kostnader och nettokostnader anges med positiva belopp; en positiv avvikelse är bättre än budget.');
  });

  it('writes the units’ figures in the nämnd table’s convention', () => {
    const nämnd: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'], signs: 'costs_positive' };
    const unitNegative: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'] };
    const unitContent: EconomyContent = { type: 'economy', rows: [{ key: 'r1', label: 'Hemtjänst', values: { annual_budget: -1_000, forecast: -1_100 } }] };
    const positiveContent: EconomyContent = { type: 'economy', rows: [{ key: 'r1', label: 'Boende', values: { annual_budget: 500, forecast: 450 } }] };
    const content = committeeEconomyContent(nämnd, [
      { unitId: '11111111-2222-3333-4444-555555555555', name: 'Omsorg', config: unitNegative, content: unitContent },
      { unitId: '66666666-2222-3333-4444-555555555555', name: 'Boende', config: nämnd, content: positiveContent },
    ]);
    expect(content.rows[0].children?.[0].values).toEqual({ annual_budget: 1_000, forecast: 1_100 });
    expect(checkEconomy(nämnd, content).ok).toBe(true);
    const total = computeEconomy(nämnd, content).total;
    expect(total).toMatchObject({ annual_budget: 1_500, forecast: 1_550, forecast_deviation: -50 });
  });

  it('carries figures into a layout with the other convention with their sign turned', () => {
    const previous: EconomyContent = { type: 'economy', rows: [{ key: 'r1', label: 'Hemtjänst', values: { annual_budget: -1_000, forecast: -1_100 } }] };
    const before: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast'] };
    const after: EconomyTableConfig = { ...before, signs: 'costs_positive' };
    const period = { kind: 'tertial_report' as const, periodEnd: '2025-04-30' };
    const carried = carryEconomyForward(after, before, previous, { kind: 'interim_report' as const, periodEnd: '2025-08-31' }, period);
    expect(carried.rows[0].values).toEqual({ annual_budget: 1_000 });
  });

  it('draws the forecast from the budget less the deviation with costs positive', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast_deviation'], signs: 'costs_positive' };
    const chart = economyChartFigures(config, { type: 'economy', rows: [{ key: 'r', label: 'Hemtjänst', values: { annual_budget: 1_000, forecast_deviation: 200 } }] });
    expect(chart?.groups[0].values).toEqual([1_000, 800]);
    expect(chart?.series[1].derivedFrom).toBe('Helårsbudget − Prognosavvikelse');
  });
});

describe('the memo’s economy sentences under both conventions', () => {
  const content = (signs: 1 | -1): EconomyContent => ({
    type: 'economy',
    rows: [
      { key: 'a', label: 'Hemtjänst', values: { income: 100, costs: signs * 1_100, forecast: signs * 1_200 } },
      { key: 'b', label: 'Boende', values: { income: 2_000, costs: signs * 1_500, forecast: signs * -400 } },
    ],
  });
  const columns: EconomyTableConfig['columns'] = ['income', 'costs', 'net', 'forecast'];

  it('reads a net cost as a deficit and a net income as a surplus, whichever way the table signs them', () => {
    const negative = economicFigures({ unit: 'tkr', columns }, content(-1));
    const positive = economicFigures({ unit: 'tkr', columns, signs: 'costs_positive' }, content(1));
    expect(positive).toEqual(negative);
    expect(positive.rows).toEqual([
      { label: 'Hemtjänst', result: -1_000, forecast: -1_200 },
      { label: 'Boende', result: 500, forecast: 400 },
    ]);
    const text = plainText(draftEconomicConsequences(positive, { committee: 'Socialnämnden', month: 'augusti' }));
    expect(text).toContain('Underskott redovisas inom Hemtjänst (−1\u00a0000\u00a0tkr).');
    expect(text).toContain('Positiva resultat redovisas för Boende (+500\u00a0tkr).');
    expect(text).toContain('Negativa prognoser återfinns inom Hemtjänst (−1\u00a0200\u00a0tkr).');
  });

  it('keeps deviations as they are: positive is better than budget in both conventions', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'budget_deviation', 'forecast_deviation'], signs: 'costs_positive' };
    const figures = economicFigures(config, { type: 'economy', rows: [{ key: 'a', label: 'IFO', values: { annual_budget: 5_000, budget_deviation: 300, forecast_deviation: -200 } }] });
    expect(figures.rows).toEqual([{ label: 'IFO', result: 300, forecast: -200 }]);
    const text = plainText(draftEconomicConsequences(figures, { committee: 'Socialnämnden', month: 'augusti' }));
    expect(text).toContain('Positiva resultat redovisas för IFO (+300\u00a0tkr).');
    expect(text).toContain('Negativa prognoser återfinns inom IFO (−200\u00a0tkr).');
  });
});

describe('the economy import’s sign warning', () => {
  const file = (costs: readonly number[]) => {
    const lines = ['Rad;Intäkter;Kostnader', ...costs.map((c, i) => `Rad ${i + 1};100;${c}`)];
    const read = economyGridFromCsv(new TextEncoder().encode(lines.join('\r\n')));
    if (!read.ok) throw new Error(read.issue.message);
    return read.grid;
  };
  const unit = { id: 'u1', name: 'Omsorg', path: ['Omsorg'], code: null };
  const run = (config: EconomyTableConfig, costs: readonly number[]) => {
    const grid = file(costs);
    return importEconomy(grid, suggestEconomyMapping(grid.headers, config), { config, units: [unit], defaultUnitId: 'u1' });
  };
  const positive: EconomyTableConfig = { unit: 'tkr', columns: ['income', 'costs', 'net'], signs: 'costs_positive' };
  const negative: EconomyTableConfig = { unit: 'tkr', columns: ['income', 'costs', 'net'] };

  it('warns before confirming when most costs are negative in a layout with costs positive, and turns nothing', () => {
    const result = run(positive, [-1_000, -2_000, -3_000]);
    expect(result.signWarning).toBe(
      'Tecknen i filen ser omvända ut: 3 av 3 kostnadsbelopp i filen är negativa, men avsnittets upplägg anger kostnader och nettokostnader med positiva belopp. ' +
        'Kontrollera filen innan du bekräftar importen – beloppen vänds inte automatiskt.',
    );
    expect(result.units).toEqual([]);
  });

  it('warns when most costs are positive in a layout where negative amounts are net costs', () => {
    expect(run(negative, [1_000, 2_000, -3_000]).signWarning).toMatch(/^Tecknen i filen ser omvända ut: 2 av 3 kostnadsbelopp i filen är positiva/);
  });

  it('says nothing when the signs fit the layout', () => {
    const fits = run(positive, [1_000, 2_000, 3_000]);
    expect(fits.signWarning).toBeUndefined();
    expect(fits.units[0].content.rows[0].values).toEqual({ income: 100, costs: 1_000 });
    expect(run(negative, [-1_000, -2_000]).signWarning).toBeUndefined();
  });

  it('judges a layout without cost columns by its budgets and forecasts', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast'], signs: 'costs_positive' };
    expect(importSignWarning(config, [{ annual_budget: -100, forecast: -90 }, { annual_budget: -50, forecast: -60 }])).toMatch(/4 av 4 belopp för netto, budget och prognos i filen är negativa/);
    expect(importSignWarning(config, [{ annual_budget: 100, forecast: 90 }])).toBeNull();
  });
});

describe('economy layout options in the template', () => {
  it('stores an old layout exactly as before (every option at its default is left out)', () => {
    const old = { unit: 'tkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'], labels: { annual_budget: 'Budget 2021' } };
    expect(checkEconomyConfig(old)).toEqual({ ok: true, config: old });
    expect(
      checkEconomyConfig({ ...old, signs: 'net_cost_negative', totalLabel: 'Summa', subtotalPosition: 'above', groups: [], decimals: 0 }),
    ).toEqual({ ok: true, config: old });
  });

  it('keeps the columns in the order the template gives them', () => {
    const check = checkEconomyConfig({ unit: 'tkr', columns: ['forecast', 'annual_budget', 'net'] });
    expect(check.ok && check.config.columns).toEqual(['forecast', 'annual_budget', 'net']);
  });

  it('accepts every option and returns it in clean form', () => {
    const check = checkEconomyConfig({
      unit: 'mnkr',
      columns: ['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
      signs: 'costs_positive',
      groups: [
        { label: ' Helår ', columns: ['forecast_deviation', 'annual_budget', 'forecast'] },
        { label: 'Perioden', columns: ['budget_net', 'net', 'budget_deviation'] },
      ],
      totalLabel: 'Summa nämnden',
      subtotalPosition: 'below',
      rowHeading: 'Kostnadsslag',
      decimals: 2,
    });
    expect(check).toEqual({
      ok: true,
      config: {
        unit: 'mnkr',
        columns: ['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
        signs: 'costs_positive',
        groups: [
          { label: 'Perioden', columns: ['budget_net', 'net', 'budget_deviation'] },
          { label: 'Helår', columns: ['annual_budget', 'forecast', 'forecast_deviation'] },
        ],
        totalLabel: 'Summa nämnden',
        subtotalPosition: 'below',
        rowHeading: 'Kostnadsslag',
        decimals: 2,
      },
    });
  });

  it('refuses a column in two groups and a gap inside a group, naming the columns', () => {
    const columns = ['annual_budget', 'forecast', 'forecast_deviation', 'net'];
    expect(
      checkEconomyConfig({ unit: 'tkr', columns, groups: [{ label: 'Helår', columns: ['annual_budget', 'forecast'] }, { label: 'Prognos', columns: ['forecast', 'forecast_deviation'] }] }),
    ).toEqual({ ok: false, errors: ['Kolumnen Prognos ligger i två kolumngrupper ("Helår" och "Prognos").'] });
    expect(checkEconomyConfig({ unit: 'tkr', columns, groups: [{ label: 'Helår', columns: ['annual_budget', 'forecast_deviation'] }] })).toEqual({
      ok: false,
      errors: ['Kolumngruppen "Helår" ska omfatta kolumner som står bredvid varandra; Prognos står emellan. Flytta kolumnerna eller dela gruppen.'],
    });
    expect(checkEconomyConfig({ unit: 'tkr', columns, groups: [{ label: 'Perioden', columns: ['income'] }] })).toEqual({
      ok: false,
      errors: ['Kolumngruppen "Perioden" har en kolumn som inte finns i tabellen.'],
    });
    expect(checkEconomyConfig({ unit: 'tkr', columns, groups: [{ label: '', columns: ['net'] }] })).toEqual({
      ok: false,
      errors: ['En kolumngrupp saknar rubrik (1–60 tecken).'],
    });
  });

  it('refuses unknown values of the other options in Swedish', () => {
    const errors = (extra: Record<string, unknown>) => {
      const check = checkEconomyConfig({ unit: 'tkr', columns: ['net'], ...extra });
      return check.ok ? [] : check.errors;
    };
    expect(errors({ signs: 'positive' })).toEqual(['Teckenregeln ska vara "Negativa belopp är nettokostnader" eller "Kostnader anges med positiva belopp".']);
    expect(errors({ decimals: 2 })).toEqual(['Tkr anges i heltal; två decimaler går bara med mnkr.']);
    expect(errors({ subtotalPosition: 'after' })).toEqual(['Delsummor står antingen på raden med underrader (ovanför) eller i en summarad under underraderna.']);
    expect(errors({ totalLabel: '  ' })).toEqual(['Summaradens rubrik ska vara 1–60 tecken.']);
    expect(errors({ rowHeading: 'x'.repeat(61) })).toEqual(['Rubriken för första kolumnen ska vara 1–60 tecken.']);
    expect(checkSectionConfig('economy', { economy: { unit: 'mnkr', columns: ['net'], decimals: 3 } })).toEqual({ ok: false, errors: ['Mnkr anges med en eller två decimaler.'] });
  });
});

describe('mnkr with two decimals', () => {
  const config: EconomyTableConfig = { unit: 'mnkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'], decimals: 2 };

  it('accepts and sums figures with two decimals', () => {
    const content: EconomyContent = {
      type: 'economy',
      rows: [
        { key: 'a', label: 'Hemtjänst', values: { annual_budget: -3.85, forecast: -3.91 } },
        { key: 'b', label: 'Boende', values: { annual_budget: -1.2, forecast: -1.14 } },
      ],
    };
    expect(moneyDecimals(config)).toBe(2);
    expect(checkEconomy(config, content).ok).toBe(true);
    expect(computeEconomy(config, content).total).toMatchObject({ annual_budget: -5.05, forecast: -5.05, forecast_deviation: 0 });
  });

  it('refuses a third decimal, and two decimals in the default mnkr layout', () => {
    const three = checkEconomy(config, { type: 'economy', rows: [{ key: 'a', label: 'Hemtjänst', values: { annual_budget: -3.855 } }] });
    expect(three.ok ? [] : three.issues.map((i) => i.message)).toEqual(['Helårsbudget: anges i mnkr med 2 decimaler.']);
    const one = checkEconomy({ ...config, decimals: undefined }, { type: 'economy', rows: [{ key: 'a', label: 'Hemtjänst', values: { annual_budget: -3.85 } }] });
    expect(one.ok ? [] : one.issues.map((i) => i.message)).toEqual(['Helårsbudget: anges i mnkr med 1 decimal.']);
  });
});

describe('three levels of rows', () => {
  const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'] };
  const leaf = (key: string, budget: number, forecast: number) => ({ key, label: key, values: { annual_budget: budget, forecast } });

  it('sums at every level: sub-sub-rows into their sub-row, sub-rows into their row, rows into the total', () => {
    const content: EconomyContent = {
      type: 'economy',
      rows: [
        {
          key: 'ifo',
          label: 'Individ- och familjeomsorg',
          values: {},
          children: [
            { key: 'barn', label: 'Barn och unga', values: {}, children: [leaf('hvb', -100, -120), leaf('familjehem', -50, -40)] },
            leaf('vuxna', -30, -30),
          ],
        },
        leaf('namnd', -10, -12),
      ],
    };
    expect(checkEconomy(config, content).ok).toBe(true);
    const computed = computeEconomy(config, content);
    expect(computed.rows[0].children[0].values).toMatchObject({ annual_budget: -150, forecast: -160, forecast_deviation: -10 });
    expect(computed.rows[0].values).toMatchObject({ annual_budget: -180, forecast: -190, forecast_deviation: -10 });
    expect(computed.total).toMatchObject({ annual_budget: -190, forecast: -202, forecast_deviation: -12 });
  });

  it('refuses a fourth level', () => {
    const deep: EconomyContent = {
      type: 'economy',
      rows: [{ key: 'a', label: 'A', values: {}, children: [{ key: 'b', label: 'B', values: {}, children: [{ key: 'c', label: 'C', values: {}, children: [leaf('d', -1, -1)] }] }] }],
    };
    const check = checkEconomy(config, deep);
    expect(check.ok ? [] : check.issues.map((i) => `${i.row}: ${i.message}`)).toEqual(['A › B › C: Underrader kan ligga högst 2 nivåer ned.']);
  });
});
