import type { EconomyImportMapping, EconomyImportPreviewDto, EconomyImportRecordDto } from '@rapportflode/api-contract';
import { figureText, importDoneText, previewSummaryText, withColumn, withHeader } from './economy-import-view';

const preview = (over: Partial<EconomyImportPreviewDto>): EconomyImportPreviewDto =>
  ({ units: [{}, {}], rowCount: 5000, issues: [], disagreements: [], ...over }) as unknown as EconomyImportPreviewDto;

describe('economy import texts', () => {
  it('says whether a file can be imported, how much, and whether its own totals agree', () => {
    expect(previewSummaryText(preview({}))).toBe('Filen kan importeras: 5\u00a0000 rader till 2 enheter. Filens egna summor stämmer.');
    expect(previewSummaryText(preview({ disagreements: [{}] as never }))).toContain('En summa i filen stämmer inte med raderna');
    expect(previewSummaryText(preview({ issues: [{}, {}] as never }))).toBe('Filen har 2 fel. Inget importeras förrän de är rättade.');
  });

  it('reports a finished import with its checksum, and figures the Swedish way', () => {
    const record = { rowCount: 12, unitCount: 1, fileName: 'utfall.xlsx', sha256: 'ab'.repeat(32) } as EconomyImportRecordDto;
    expect(importDoneText(record)).toBe('Importen är klar: 12 rader från utfall.xlsx till 1 enhet. Varje siffra kan spåras till filen (SHA-256 abababababab…).');
    expect(figureText(-9504, 'tkr', 'net')).toBe('\u22129\u00a0504');
    expect(figureText(3.8, 'mnkr', 'forecast')).toBe('3,8');
    expect(figureText(null, 'tkr', 'net')).toBe('–');
  });
});

describe('economy import mapping', () => {
  const mapping = { unitColumn: 'Enhet', labelColumn: 'Konto', parentColumn: null, columns: { budget: 'Budget' } } as unknown as EconomyImportMapping;

  it('points a header field at a header, or at none; the row name always keeps one', () => {
    expect(withHeader(mapping, 'unitColumn', '')).toMatchObject({ unitColumn: null, labelColumn: 'Konto' });
    expect(withHeader(mapping, 'parentColumn', 'Grupp')).toMatchObject({ parentColumn: 'Grupp' });
    expect(withHeader(mapping, 'labelColumn', '')).toMatchObject({ labelColumn: 'Konto' });
    expect(withHeader(mapping, 'labelColumn', 'Text')).toMatchObject({ labelColumn: 'Text' });
  });

  it('reads a column from a header, or takes it out', () => {
    expect(withColumn(mapping, 'forecast', 'Prognos').columns).toEqual({ budget: 'Budget', forecast: 'Prognos' });
    expect(withColumn(mapping, 'budget', '').columns).toEqual({});
    expect(mapping.columns).toEqual({ budget: 'Budget' });
  });
});
