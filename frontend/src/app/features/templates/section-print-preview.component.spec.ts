import { TestBed } from '@angular/core/testing';
import type { SectionConfig, SectionKind } from '@rapportflode/domain';
import { SectionPrintPreviewComponent } from './section-print-preview.component';

describe('SectionPrintPreviewComponent', () => {
  async function preview(kind: SectionKind, config: SectionConfig | null, title = 'Intern kontroll') {
    const fixture = TestBed.createComponent(SectionPrintPreviewComponent);
    fixture.componentRef.setInput('id', 'layout-s1');
    fixture.componentRef.setInput('kind', kind);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('title', title);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const figure = () => root.querySelector<HTMLElement>('#layout-s1-print-preview');
    const captions = () => Array.from(figure()?.querySelectorAll('table > caption') ?? []).map((c) => c.textContent);
    const headings = (caption: string) => {
      const table = Array.from(figure()?.querySelectorAll('table') ?? []).find((t) => t.caption?.textContent === caption);
      return Array.from(table?.querySelectorAll('thead th') ?? []).map((th) => th.textContent);
    };
    const set = async (next: SectionConfig | null) => {
      fixture.componentRef.setInput('config', next);
      await fixture.whenStable();
    };
    return { root, figure, captions, headings, set };
  }

  it('shows how the section prints under its caption, and follows the layout as it changes', async () => {
    const { figure, captions, headings, set } = await preview('internal_control', null);
    expect(figure()?.querySelector('figcaption')?.textContent).toBe('Så skrivs avsnittet ut (påhittat innehåll)');
    expect(figure()?.getAttribute('aria-labelledby')).toBe('layout-s1-print-preview-caption');
    expect(figure()?.querySelector('h2')?.textContent).toBe('Intern kontroll');
    expect(captions()).toEqual(['Intern kontrollplan', 'Verksamhetsrisker']);
    expect(headings('Intern kontrollplan')).toContain('Rapporteras till');

    await set({ internalControl: { layout: 'audit_recommendations', caption: 'Revisionens iakttagelser', hideEmptyColumns: true, riskGroups: 'tables' } });
    expect(captions()).toEqual(['Revisionens iakttagelser', 'Verksamhetsrisker: Äldreomsorg', 'Verksamhetsrisker: Individ- och familjeomsorg']);
    expect(headings('Revisionens iakttagelser')).toEqual(['Revision/Granskning', 'Åtgärd', 'Status']);
  });

  it('draws the chapter of a section of blocks in order, the chart as svg', async () => {
    const config: SectionConfig = {
      blocks: {
        blocks: [
          { key: 'text', kind: 'narrative', title: 'Periodens utfall' },
          { key: 'tabell', kind: 'table', title: 'Investeringar', config: { table: { columns: [{ key: 'projekt', label: 'Projekt', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number', sum: true }] } } },
          { key: 'diagram', kind: 'chart', chart: { source: 'tabell', title: 'Investeringar per projekt' } },
        ],
      },
    };
    const { figure } = await preview('blocks', config, 'Ekonomi');
    const page = figure()?.querySelector('.rf-print-preview-page') as HTMLElement;
    const order = Array.from(page.children).map((el) => el.tagName.toLowerCase());
    expect(order).toEqual(['h2', 'p', 'p', 'div', 'figure']);
    expect(page.querySelector('figure.chart svg')).not.toBeNull();
    expect(page.querySelector('figure.chart table.chart-data caption')?.textContent).toBe('Investeringar per projekt');
  });

  it('says the example waits for a valid layout, and shows nothing for kinds with an example of their own', async () => {
    const invalid = await preview('table', { table: { columns: [] } });
    expect(invalid.figure()?.textContent).toContain('Exemplet visas när upplägget är giltigt.');
    expect(invalid.figure()?.querySelector('table')).toBeNull();
    const economy = await preview('economy', null);
    expect(economy.figure()).toBeNull();
  });
});
