import { reportNoun } from './memo-drafts';

describe('what the memo says the nämnd approves', () => {
  it('names the report as the cycle is titled', () => {
    expect(reportNoun('Tertialbokslut 2 2021', 'interim_report')).toBe('tertialbokslutet');
    expect(reportNoun('Tertialrapport 1 2026', 'tertial_report')).toBe('tertialrapporten');
    expect(reportNoun('Delårsrapport 2014', 'interim_report')).toBe('delårsrapporten');
    expect(reportNoun('Årsredovisning 2025', 'annual_report')).toBe('årsredovisningen');
    expect(reportNoun('Månadsuppföljning ekonomi', 'monthly_report')).toBe('månadsuppföljningen');
    expect(reportNoun('Verksamhetsberättelse 2025', 'annual_report')).toBe('verksamhetsberättelsen');
  });

  it('falls back on the report kind when the title names no report', () => {
    expect(reportNoun('T1 2026', 'tertial_report')).toBe('tertialrapporten');
    expect(reportNoun('Augusti 2026', 'interim_report')).toBe('delårsrapporten');
  });
});
