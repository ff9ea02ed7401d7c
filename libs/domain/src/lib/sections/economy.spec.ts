import {
  carryEconomyForward,
  checkEconomy,
  checkPrintedTotals,
  combineEconomy,
  computeEconomy,
  diffEconomy,
  EconomyContent,
  EconomyTableConfig,
  inputColumns,
  acceptedEconomy,
  columnLabel,
  columnMeaning,
  earlierPeriodEnd,
  economyChartFigures,
  economyPeriods,
  headingFits,
} from './economy';
import { checkEconomyConfig } from './content';

// Nacka, Tertialbokslut 2 2021 (reference 000, line 184): Ack utfall, Ack budget, Helår.
const NACKA: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
};
const nackaRow = (key: string, label: string, [income, costs, budgetIncome, budgetCosts, annual, forecast]: number[]) => ({
  key,
  label,
  values: { income, costs, budget_income: budgetIncome, budget_costs: budgetCosts, annual_budget: annual, forecast },
});
const nacka: EconomyContent = {
  type: 'economy',
  rows: [
    nackaRow('bou', 'Barn och unga 0-20 år', [5318, -111434, 4372, -116071, -167548, -161900]),
    nackaRow('vuxna', 'Vuxna 21-64 år', [12432, -56946, 12359, -53025, -60999, -65968]),
    nackaRow('fn', 'Personer med funktionsnedsättning', [25383, -380640, 22258, -379960, -536553, -537908]),
    nackaRow('gemensam', 'Gemensam socialtjänst', [3, -2605, 0, -3371, -5056, -5056]),
    nackaRow('myndighet', 'Myndighet och huvudmannaskap', [0, -83224, 0, -84126, -126189, -125376]),
    nackaRow('namnd', 'Nämnd och nämndstöd', [0, -1688, 0, -1599, -2398, -2535]),
  ],
};

// Gnesta, Delårsrapport 2021 (reference 003, line 557): deviations typed as "Resultat".
const GNESTA: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['annual_budget', 'earlier_result', 'earlier_forecast', 'budget_deviation', 'forecast_deviation'],
  labels: {
    annual_budget: 'Budget 2021',
    earlier_result: 'Resultat per April',
    earlier_forecast: 'Prognos per April',
    budget_deviation: 'Resultat per Augusti',
    forecast_deviation: 'Prognos per Augusti',
  },
};
const gnestaRow = (key: string, label: string, [a, b, c, d, e]: number[]) => ({
  key,
  label,
  values: { annual_budget: a, earlier_result: b, earlier_forecast: c, budget_deviation: d, forecast_deviation: e },
});
const gnesta: EconomyContent = {
  type: 'economy',
  rows: [
    gnestaRow('sn', 'Socialnämnden', [-26, 9, 11, 17, 20]),
    gnestaRow('fl', 'Förvaltningsledning', [-2800, 483, 1000, -458, -503]),
    gnestaRow('sov', 'Stöd och vägledning', [-44000, -4639, -5625, -8229, -9002]),
    gnestaRow('afh', 'Äldre, funktionsstöd, hälso- och sjukvård', [-21161, -8696, -19920, -14489, -18453]),
    gnestaRow('aob', 'Administration och bistånd', [-171339, 7504, 18740, 13655, 18908]),
  ],
};

describe('economy tables', () => {
  // The printed Summa row (line 192), as printed.
  const printedSumma = {
    row: null,
    values: {
      income: 43136,
      costs: -636537,
      net: -593401,
      budget_income: 38989,
      budget_costs: -638151,
      budget_net: -599162,
      budget_deviation: 5761,
      annual_budget: -898743,
      forecast: -898743,
      forecast_deviation: 0,
    },
  };

  it('computes netto, deviations and the total of Nacka’s table from its rows', () => {
    const computed = computeEconomy(NACKA, nacka);
    expect(computed.rows[1].values).toMatchObject({ net: -44514, budget_net: -40666, budget_deviation: -3848, forecast_deviation: -4969 });
    // The printed row says 5 582 for Barn och unga; its own figures give −106 116 − (−111 699) = 5 583.
    expect(computed.rows[0].values.budget_deviation).toBe(5583);
    expect(computed.total).toMatchObject({ income: 43136, costs: -636537, net: -593401, forecast_deviation: 0 });
  });

  it('flags exactly the printed totals of Nacka’s table that its rows do not add up to', () => {
    const computed = computeEconomy(NACKA, nacka);
    // The rows' budget costs add up to −638 152; the report printed −638 151 (and so netto and deviation are off by one).
    expect(checkPrintedTotals(NACKA, computed, [printedSumma])).toEqual([
      { row: 'Totalt', column: 'budget_costs', printed: -638151, computed: -638152 },
      { row: 'Totalt', column: 'budget_net', printed: -599162, computed: -599163 },
      { row: 'Totalt', column: 'budget_deviation', printed: 5761, computed: 5762 },
    ]);
  });

  it('reproduces Gnesta’s totals and flags the one that disagrees with its rows (−5 340 printed, −5 339 computed)', () => {
    const computed = computeEconomy(GNESTA, gnesta);
    const printed = { row: null, values: { annual_budget: -239326, earlier_result: -5340, earlier_forecast: -5794, budget_deviation: -9504, forecast_deviation: -9030 } };
    expect(checkPrintedTotals(GNESTA, computed, [printed])).toEqual([
      { row: 'Totalt', column: 'earlier_result', printed: -5340, computed: -5339 },
    ]);
    expect(inputColumns(GNESTA)).toEqual(GNESTA.columns); // nothing to derive: every figure typed
  });

  it('sums sub-rows into their row, and refuses figures typed into a sub-total', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['net', 'annual_budget', 'forecast', 'forecast_deviation'] };
    const content = {
      type: 'economy',
      rows: [
        {
          key: 'bou',
          label: 'Barn och unga 0-20 år',
          values: {},
          children: [
            { key: 'hdv', label: 'Heldygnsvård', values: { net: -52040, annual_budget: -91123, forecast: -80344 } },
            { key: 'bbo', label: 'Biståndsbedömd öppenvård', values: { net: -31254, annual_budget: -39140, forecast: -47175 } },
          ],
        },
      ],
    };
    const checked = checkEconomy(config, content);
    expect(checked.ok).toBe(true);
    const computed = computeEconomy(config, (checked as { content: EconomyContent }).content);
    expect(computed.rows[0]).toMatchObject({ subtotal: true, values: { net: -83294, annual_budget: -130263, forecast: -127519, forecast_deviation: 2744 } });
    const typed = checkEconomy(config, { ...content, rows: [{ ...content.rows[0], values: { net: -1 } }] });
    expect(!typed.ok && typed.issues).toEqual([
      { row: 'Barn och unga 0-20 år', column: 'net', message: 'Utfall netto summeras från underraderna och skrivs inte in.' },
    ]);
  });

  it('points at the row and column of every bad figure, and keeps nothing', () => {
    const checked = checkEconomy(NACKA, {
      type: 'economy',
      rows: [
        { key: 'a', label: 'Vuxna 21-64 år', values: { costs: 56946, income: 'tolv', net: -1 } },
        { key: 'b', label: 'vuxna 21-64 år', values: { income: 12.5 } },
        { key: 'c', label: '', values: {} },
      ],
    });
    expect(!checked.ok && checked.issues.map((i) => `${i.row} / ${i.column}: ${i.message}`)).toEqual([
      'Vuxna 21-64 år / costs: Utfall kostnader: kostnader anges som negativa tal (\u221256\u00a0946).',
      'Vuxna 21-64 år / income: Utfall intäkter: "tolv" är inte ett tal.',
      'Vuxna 21-64 år / net: Utfall netto räknas ut och skrivs inte in.',
      'vuxna 21-64 år / null: Raden "vuxna 21-64 år" förekommer två gånger.',
      'vuxna 21-64 år / income: Utfall intäkter: anges i tkr med heltal.',
      '(utan namn) / null: Raden saknar namn.',
    ]);
  });

  it('shows the reviewer which cells changed, computed ones included', () => {
    const after: EconomyContent = {
      type: 'economy',
      rows: nacka.rows.map((row) => (row.key === 'vuxna' ? { ...row, values: { ...row.values, costs: -57946 }, comment: 'Fler placeringar.' } : row)),
    };
    const changes = diffEconomy(NACKA, nacka, after);
    expect(changes).toEqual([
      { row: 'Vuxna 21-64 år', column: 'Utfall kostnader', before: -56946, after: -57946 },
      { row: 'Vuxna 21-64 år', column: 'Utfall netto', before: -44514, after: -45514 },
      { row: 'Vuxna 21-64 år', column: 'Budgetavvikelse', before: -3848, after: -4848 },
      { row: 'Vuxna 21-64 år', column: 'Kommentar', before: null, after: 'Fler placeringar.' },
      { row: 'Totalt', column: 'Utfall kostnader', before: -636537, after: -637537 },
      { row: 'Totalt', column: 'Utfall netto', before: -593401, after: -594401 },
      { row: 'Totalt', column: 'Budgetavvikelse', before: 5762, after: 4762 },
    ]);
  });

  it('builds the nämnd table from the units’ tables, with the nämnd total', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'budget_deviation', 'forecast_deviation'] };
    const unit = (key: string, name: string, rows: Array<[string, number, number, number]>) => ({
      key,
      name,
      content: {
        type: 'economy' as const,
        rows: rows.map(([label, a, b, c], i) => ({ key: `${key}${i}`, label, values: { annual_budget: a, budget_deviation: b, forecast_deviation: c } })),
      },
    });
    const combined = combineEconomy(config, [
      unit('sov', 'Stöd och vägledning', [
        ['Utredning och stöd', -30000, -5000, -5773],
        ['Vuxenutbildning', -7015, -1500, -1686],
        ['Stöd till arbete', -6985, -1729, -1543],
      ]),
      unit('fl', 'Förvaltningsledning', [['Förvaltningsledning', -2800, -458, -503]]),
    ]);
    expect(combined.rows.map((r) => [r.label, r.values.forecast_deviation])).toEqual([
      ['Stöd och vägledning', -9002],
      ['Förvaltningsledning', -503],
    ]);
    expect(combined.total).toEqual({ annual_budget: -46800, budget_deviation: -8687, forecast_deviation: -9505 });
  });
});

describe('carrying an economy table into the next cycle', () => {
  const T1 = { kind: 'tertial_report' as const, periodEnd: '2021-04-30' };
  const DELÅR = { kind: 'interim_report' as const, periodEnd: '2021-08-31' };
  const ÅR = { kind: 'annual_report' as const, periodEnd: '2021-12-31' };
  const NEXT_T1 = { kind: 'tertial_report' as const, periodEnd: '2022-04-30' };
  // T1 (per april): the deviations typed as the period's result and forecast.
  const t1Config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'budget_deviation', 'forecast_deviation'] };
  const t1: EconomyContent = {
    type: 'economy',
    rows: [
      { key: 'fl', label: 'Förvaltningsledning', values: { annual_budget: -2800, budget_deviation: 483, forecast_deviation: 1000 }, comment: 'April.' },
      { key: 'sov', label: 'Stöd och vägledning', values: { annual_budget: -44000, budget_deviation: -4639, forecast_deviation: -5625 } },
    ],
  };

  it('brings the per-april deviations into the per-april columns of the delårsrapport, by meaning', () => {
    const t2 = carryEconomyForward(GNESTA, t1Config, t1, DELÅR, T1);
    expect(t2.rows).toEqual([
      { key: 'fl', label: 'Förvaltningsledning', values: { annual_budget: -2800, earlier_result: 483, earlier_forecast: 1000 } },
      { key: 'sov', label: 'Stöd och vägledning', values: { annual_budget: -44000, earlier_result: -4639, earlier_forecast: -5625 } },
    ]);
    expect(checkEconomy(GNESTA, t2).ok).toBe(true);
  });

  it('never puts last year’s august deviations under "per april" of the next year, nor last year’s budget', () => {
    const delår = carryEconomyForward(GNESTA, t1Config, t1, DELÅR, T1);
    const filled: EconomyContent = {
      type: 'economy',
      rows: delår.rows.map((r) => ({ ...r, values: { ...r.values, budget_deviation: -458, forecast_deviation: -503 } })),
    };
    const next = carryEconomyForward(GNESTA, GNESTA, filled, NEXT_T1, DELÅR);
    expect(next.rows.map((r) => r.label)).toEqual(['Förvaltningsledning', 'Stöd och vägledning']);
    expect(next.rows.map((r) => r.values)).toEqual([{}, {}]);
  });

  it('takes a table’s earlier columns only from the cycle of exactly that earlier period', () => {
    // The årsredovisning's earlier period is august: a T1 table (april) must not land there.
    expect(carryEconomyForward(GNESTA, t1Config, t1, ÅR, T1).rows[0].values).toEqual({ annual_budget: -2800 });
    const fromDelår = carryEconomyForward(GNESTA, GNESTA, { type: 'economy', rows: [gnesta.rows[1]] }, ÅR, DELÅR);
    expect(fromDelår.rows[0].values).toEqual({ annual_budget: -2800, earlier_result: -458, earlier_forecast: -503 });
  });

  it('lands a figure only in a column of the same measure: a net outcome never in a deviation column', () => {
    const outcome: EconomyTableConfig = { unit: 'tkr', columns: ['net', 'annual_budget', 'forecast'] };
    const t1Outcome: EconomyContent = { type: 'economy', rows: [{ key: 'a', label: 'A', values: { net: -900, annual_budget: -2800, forecast: -2700 } }] };
    // GNESTA's earlier columns hold deviations: nothing of A's outcome or forecast fits them.
    expect(carryEconomyForward(GNESTA, outcome, t1Outcome, DELÅR, T1).rows[0].values).toEqual({ annual_budget: -2800 });
    // A layout whose earlier columns hold the outcome and the forecast gets them.
    const earlierOutcome: EconomyTableConfig = {
      unit: 'tkr',
      columns: ['annual_budget', 'earlier_result', 'earlier_forecast', 'net', 'forecast'],
      earlierMeasures: { earlier_result: 'net', earlier_forecast: 'forecast' },
    };
    expect(carryEconomyForward(earlierOutcome, outcome, t1Outcome, DELÅR, T1).rows[0].values).toEqual({
      annual_budget: -2800,
      earlier_result: -900,
      earlier_forecast: -2700,
    });
  });

  it('fills "bokslut föregående år" only from last year’s full-year net outcome', () => {
    const withPrevious: EconomyTableConfig = { unit: 'tkr', columns: ['net', 'annual_budget', 'previous_year'] };
    const year: EconomyContent = { type: 'economy', rows: [{ key: 'a', label: 'A', values: { net: -2950, annual_budget: -2800 } }] };
    expect(carryEconomyForward(withPrevious, withPrevious, year, NEXT_T1, ÅR).rows[0].values).toEqual({ previous_year: -2950 });
    expect(carryEconomyForward(withPrevious, withPrevious, year, NEXT_T1, DELÅR).rows[0].values).toEqual({});
  });

  it('keeps Nacka’s rows and sub-rows, with nothing of last period’s figures in a layout without earlier columns', () => {
    const carried = carryEconomyForward(NACKA, NACKA, nacka, DELÅR, T1);
    expect(carried.rows.map((r) => r.label)).toEqual(nacka.rows.map((r) => r.label));
    expect(carried.rows[0].values).toEqual({ annual_budget: -167548 });
  });
});

describe('what an economy column holds and its heading', () => {
  const august = economyPeriods('interim_report', '2021-08-31');

  it('names the periods of a cycle: august with april before it, april with none', () => {
    expect(august).toEqual({ current: 'augusti', earlier: 'april', year: 2021 });
    expect(economyPeriods('tertial_report', '2021-04-30').earlier).toBeNull();
    expect(earlierPeriodEnd('annual_report', '2021-12-31')).toBe('2021-08-31');
    expect(earlierPeriodEnd('monthly_report', '2021-03-31')).toBe('2021-02-28');
  });

  it('gives each column its measure and period', () => {
    expect(columnMeaning(GNESTA, 'forecast_deviation')).toEqual({ measure: 'forecast_deviation', period: 'period' });
    expect(columnMeaning(GNESTA, 'earlier_forecast')).toEqual({ measure: 'forecast_deviation', period: 'earlier' });
    expect(columnMeaning(GNESTA, 'annual_budget')).toEqual({ measure: 'annual_budget', period: 'year' });
    expect(columnMeaning(NACKA, 'forecast')).toEqual({ measure: 'forecast', period: 'period' });
  });

  it('never heads a deviation "Prognos per augusti": a misleading template heading gives way to what the column holds', () => {
    expect(GNESTA.columns.map((c) => columnLabel(GNESTA, c, august))).toEqual([
      'Budget 2021',
      'Budgetavvikelse utfall per april',
      'Budgetavvikelse prognos per april',
      'Budgetavvikelse utfall per augusti',
      'Budgetavvikelse prognos per augusti',
    ]);
    expect(columnLabel(NACKA, 'forecast', august)).toBe('Prognos helår per augusti');
    expect(columnLabel(NACKA, 'annual_budget', august)).toBe('Helårsbudget 2021');
    // Without a cycle: the standard names, still saying what the column holds.
    expect(columnLabel(GNESTA, 'forecast_deviation')).toBe('Prognosavvikelse');
    expect(columnLabel(GNESTA, 'earlier_result')).toBe('Budgetavvikelse tidigare period');
  });

  it('accepts a template heading that names the measure and refuses one that does not', () => {
    expect(headingFits(GNESTA, 'forecast_deviation', 'Prognos avvikelse')).toBe(true);
    expect(headingFits(GNESTA, 'forecast_deviation', 'Prognos per augusti')).toBe(false);
    expect(headingFits(GNESTA, 'budget_deviation', 'Resultat per augusti')).toBe(false);
    expect(headingFits(NACKA, 'forecast', 'Prognosavvikelse')).toBe(false);
    expect(headingFits(NACKA, 'net', 'Utfall 08')).toBe(true);
    const check = checkEconomyConfig({ unit: 'tkr', columns: ['annual_budget', 'forecast_deviation'], labels: { forecast_deviation: 'Prognos per augusti' } });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors[0]).toContain('Kolumnrubriken "Prognos per augusti" säger inte vad kolumnen innehåller (Prognosavvikelse)');
  });
});

describe('the figures the economy chart draws', () => {
  it('draws the prognos derived from helårsbudget and prognosavvikelse, saying so', () => {
    const figures = economyChartFigures(GNESTA, { type: 'economy', rows: [gnesta.rows[1]] }, economyPeriods('interim_report', '2021-08-31'));
    expect(figures?.series).toEqual([
      { label: 'Budget 2021', derivedFrom: null },
      { label: 'Prognos helår per augusti', derivedFrom: 'Budget 2021 + Budgetavvikelse prognos per augusti' },
    ]);
    expect(figures?.groups).toEqual([{ label: 'Förvaltningsledning', values: [-2800, -3303] }]);
  });

  it('never draws a figure the check refuses, nor one derived from it', () => {
    const refused: EconomyContent = {
      type: 'economy',
      rows: [
        { key: 'a', label: 'A', values: { annual_budget: -2800.5, forecast_deviation: -503 } },
        { key: 'b', label: 'B', values: { income: -100, costs: 24800, annual_budget: -3000, forecast: -2900 } },
      ],
    };
    expect(economyChartFigures(GNESTA, refused)?.groups).toEqual([{ label: 'A', values: [null, null] }, { label: 'B', values: [-3000, null] }]);
    const nacka = economyChartFigures(NACKA, refused);
    expect(nacka?.groups[1]).toEqual({ label: 'B', values: [-3000, -2900] });
    expect(acceptedEconomy(NACKA, refused).rows[1].values).toEqual({ annual_budget: -3000, forecast: -2900 });
  });
});
