import {
  checkSickLeave,
  diffSickLeave,
  periodSortKey,
  SICK_LEAVE_PRESETS,
  SickLeaveConfig,
  SickLeaveContent,
  SickLeaveHistory,
  sickLeaveSeries,
} from './sick-leave';

// Nacka (reference 000, line 413): "Tot Kort sjukfrånvaro (max 59 dgr)", "Tot Lång (60 dgr eller mer)", two decimals in 2021.
const NACKA: SickLeaveConfig = { ...SICK_LEAVE_PRESETS.nacka, decimals: 2 };
const content = (total: number | null, shortTerm: number | null, longTerm: number | null): SickLeaveContent => ({
  type: 'sick_leave',
  values: { total, shortTerm, longTerm },
});
// Barn o familjeenheten, earlier periods as printed in 000 (lines 414-417).
const history: SickLeaveHistory = [
  { period: 'T1 2021', values: { total: 2.89, shortTerm: 1.93, longTerm: 0.96 } },
  { period: 'T2 2018', values: { total: 4.3, shortTerm: 2.4, longTerm: 1.9 } },
  { period: 'T2 2020', values: { total: 4.7, shortTerm: 2.1, longTerm: 2.6 } },
  { period: 'T2 2019', values: { total: 4.2, shortTerm: 2.6, longTerm: 1.6 } },
];

// Gnesta (reference 003, lines 477-488): förvaltning totals by gender and age band, jan-aug 2021.
const GNESTA: SickLeaveConfig = {
  ...SICK_LEAVE_PRESETS.standard,
  decimals: 2,
  byGender: true,
  ageBands: [
    { key: 'u30', label: '29 år eller yngre' },
    { key: 'a30_49', label: '30-49 år' },
    { key: 'o50', label: '50 år eller äldre' },
  ],
};

describe('sick leave', () => {
  it('accepts Nacka’s T2 2021 figures for Barn o familjeenheten (short + long within rounding of the total)', () => {
    // 1,56 + 0,60 = 2,16 ≤ 2,17.
    expect(checkSickLeave(NACKA, content(2.17, 1.56, 0.6))).toEqual({ ok: true, content: content(2.17, 1.56, 0.6) });
    // Omsorgsenheten T2 2021, typed as Swedes type it.
    const typed = checkSickLeave(NACKA, { type: 'sick_leave', values: { total: '2,85', shortTerm: '2,23 %', longTerm: '0,62' } });
    expect(typed).toEqual({ ok: true, content: content(2.85, 2.23, 0.62) });
  });

  it('flags the T1 2020 row of Omsorgsenheten that Nacka printed in 2020: 2,5 + 2,9 is more than 4,6', () => {
    // Reference 004, lines 1054-1057: "T1 2020 MH STJ Omsorgsenheten 4,6 2,5 2,9".
    const checked = checkSickLeave(SICK_LEAVE_PRESETS.nacka, content(4.6, 2.5, 2.9));
    expect(!checked.ok && checked.issues).toEqual([
      {
        row: 'Total sjukfrånvaro',
        column: 'total',
        message:
          'Kort sjukfrånvaro (≤59 dagar) 2,5\u00a0% och lång sjukfrånvaro (≥60 dagar) 2,9\u00a0% är tillsammans 5,4\u00a0%, mer än total sjukfrånvaro 4,6\u00a0%.',
      },
    ]);
    // Within the rounding tolerance of 0,1 is fine.
    expect(checkSickLeave(SICK_LEAVE_PRESETS.nacka, content(4.6, 2.5, 2.2)).ok).toBe(true);
  });

  it('says a percentage over 100 is impossible, and points at every bad figure', () => {
    const checked = checkSickLeave(null, { type: 'sick_leave', values: { total: 104, shortTerm: 'tolv', longTerm: -1 } });
    expect(!checked.ok && checked.issues).toEqual([
      {
        row: 'Total sjukfrånvaro',
        column: 'total',
        message: 'Total sjukfrånvaro: 104,0\u00a0% är omöjligt; sjukfrånvaron är en andel av arbetad tid och kan inte vara över 100 %.',
      },
      { row: 'Kort sjukfrånvaro (1–14 dagar)', column: 'shortTerm', message: 'Kort sjukfrånvaro (1–14 dagar): "tolv" är inte ett tal.' },
      { row: 'Lång sjukfrånvaro (15–90 dagar)', column: 'longTerm', message: 'Lång sjukfrånvaro (15–90 dagar): en andel kan inte vara negativ.' },
    ]);
  });

  it('keeps one decimal unless the template says two', () => {
    const checked = checkSickLeave(SICK_LEAVE_PRESETS.nacka, content(2.17, 1.5, 0.6));
    expect(!checked.ok && checked.issues).toEqual([
      { row: 'Total sjukfrånvaro', column: 'total', message: 'Total sjukfrånvaro: anges med högst en decimal (2,2).' },
    ]);
  });

  it('checks Gnesta’s figures by gender and age band, and that the total lies between them', () => {
    const gnesta = {
      type: 'sick_leave',
      values: { total: 7.07, shortTerm: null, longTerm: null, women: 7.46, men: 4.81, ageBands: { u30: 11.27, a30_49: 7.53, o50: 5.93 } },
    };
    expect(checkSickLeave(GNESTA, gnesta)).toEqual({ ok: true, content: gnesta });
    const wrong = checkSickLeave(GNESTA, { ...gnesta, values: { ...gnesta.values, total: 3.2 } });
    expect(!wrong.ok && wrong.issues.map((i) => i.message)).toEqual([
      'Total sjukfrånvaro 3,20\u00a0% ska ligga mellan kvinnornas 7,46\u00a0% och männens 4,81\u00a0%.',
      'Total sjukfrånvaro 3,20\u00a0% ska ligga mellan åldersgruppernas lägsta 5,93\u00a0% och högsta 11,27\u00a0%.',
    ]);
    // Splits the template does not use are refused, not silently dropped.
    const extra = checkSickLeave(NACKA, { type: 'sick_leave', values: { total: 2.17, shortTerm: 1.56, longTerm: 0.6, women: 2.5 } });
    expect(!extra.ok && extra.issues).toEqual([
      { row: null, column: 'women', message: 'Uppdelning på kön ingår inte i mallen för det här avsnittet.' },
    ]);
  });

  it('builds the trend in time order with the current period last, and the same figures as a table', () => {
    const series = sickLeaveSeries(history, { period: 'T2 2021', content: content(2.17, 1.56, 0.6) }, NACKA);
    expect(series.periods).toEqual(['T2 2018', 'T2 2019', 'T2 2020', 'T1 2021', 'T2 2021']);
    expect(series.series[0]).toEqual({ key: 'total', label: 'Total sjukfrånvaro', values: [4.3, 4.2, 4.7, 2.89, 2.17] });
    expect(series.series[2].values).toEqual([1.9, 1.6, 2.6, 0.96, 0.6]);
    expect(series.table.columnHeaders).toEqual(['Mått', 'T2 2018', 'T2 2019', 'T2 2020', 'T1 2021', 'T2 2021']);
    expect(series.table.rows[1].header).toBe('Kort sjukfrånvaro (≤59 dagar)');
    expect(series.table.rows[1].cells.map((c) => c.text)).toEqual(['2,40\u00a0%', '2,60\u00a0%', '2,10\u00a0%', '1,93\u00a0%', '1,56\u00a0%']);
  });

  it('lets the current figures win over a history entry for the same period, and marks missing figures for screen readers', () => {
    const series = sickLeaveSeries(
      [{ period: 'T2 2021', values: { total: 9, shortTerm: 9, longTerm: 0 } }, { period: 'T1 2021', values: { total: 2.9, shortTerm: null, longTerm: null } }],
      { period: 'T2 2021', content: content(2.2, 1.6, 0.6) },
    );
    expect(series.periods).toEqual(['T1 2021', 'T2 2021']);
    expect(series.table.rows[1].cells[0]).toEqual({ value: null, text: '–', srText: 'Uppgift saknas' });
  });

  it('orders the period labels the references use', () => {
    const labels = ['Jan-aug 2021', 'T1 2021', 'Helår 2020', 'Jan-aug 2019', 'T2 2020'];
    expect([...labels].sort((a, b) => (periodSortKey(a) ?? 0) - (periodSortKey(b) ?? 0))).toEqual([
      'Jan-aug 2019',
      'T2 2020',
      'Helår 2020',
      'T1 2021',
      'Jan-aug 2021',
    ]);
    expect(periodSortKey('förra gången')).toBeNull();
  });

  it('shows the reviewer which figures changed', () => {
    const after = { ...content(2.17, 1.57, 0.6), comment: 'Lägre än T1.' };
    expect(diffSickLeave(NACKA, content(2.17, 1.56, 0.6), after)).toEqual([
      { row: 'Kort sjukfrånvaro (≤59 dagar)', column: 'Andel (%)', before: 1.56, after: 1.57 },
      { row: 'Kommentar', column: 'Kommentar', before: null, after: 'Lägre än T1.' },
    ]);
  });
});
