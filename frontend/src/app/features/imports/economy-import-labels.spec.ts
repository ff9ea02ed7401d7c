import { TestBed } from '@angular/core/testing';
import type { EconomyImportMapping, EconomyImportPreviewDto } from '@rapportflode/api-contract';
import { EconomyImportMappingComponent } from './economy-import-mapping.component';
import { totalLabelsText, withTotalLabels } from './economy-import-view';

const mapping: EconomyImportMapping = {
  unitColumn: 'Ansvar',
  labelColumn: 'Aktivitet',
  parentColumn: null,
  keyColumn: null,
  commentColumn: null,
  columns: { income: 'Int ack' },
  totalLabels: ['Summa', 'Totalt', 'Total'],
  decimal: null,
};

describe('total labels on the economy import page', () => {
  it('reads the labels as typed: trimmed, each once whatever its case, and says what did not fit', () => {
    expect(totalLabelsText(mapping)).toBe('Summa, Totalt, Total');
    expect(withTotalLabels(mapping, ' Totalsumma ;summa,Summa\nSumma  verksamhet, ').mapping.totalLabels).toEqual(['Totalsumma', 'summa', 'Summa verksamhet']);
    const many = withTotalLabels(mapping, Array.from({ length: 12 }, (_, i) => `Summa ${i + 1}`).join(', '));
    expect(many.mapping.totalLabels).toHaveLength(10);
    expect(many.dropped).toEqual(['Summa 11', 'Summa 12']);
    expect(withTotalLabels(mapping, 'x'.repeat(61)).dropped).toHaveLength(1);
  });

  it('lets the economist name the total rows in the mapping step, and sends them with the mapping', async () => {
    const fixture = TestBed.createComponent(EconomyImportMappingComponent);
    const preview = { headers: ['Ansvar', 'Aktivitet', 'Int ack'], columns: [], sectionUnits: [], mappingSource: 'saved', mapping } as unknown as EconomyImportPreviewDto;
    fixture.componentRef.setInput('preview', preview);
    fixture.componentRef.setInput('mapping', mapping);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const input = root.querySelector<HTMLInputElement>('#map-total-labels');
    expect(root.querySelector('label[for="map-total-labels"]')?.textContent).toContain('Summarader');
    expect(input?.value).toBe('Summa, Totalt, Total');
    input!.value = 'Summa, Totalsumma';
    input!.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(fixture.componentInstance.mapping()?.totalLabels).toEqual(['Summa', 'Totalsumma']);
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
