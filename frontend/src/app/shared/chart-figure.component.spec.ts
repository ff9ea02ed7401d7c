import { TestBed } from '@angular/core/testing';
import { BarChartComponent } from './bar-chart.component';
import { LineChartComponent } from './line-chart.component';

const SVG = 'http://www.w3.org/2000/svg';

describe('the charts in their shared figure', () => {
  it('draws the bars, the zero line and the row names inside one described picture, the legend under it', async () => {
    const fixture = TestBed.createComponent(BarChartComponent);
    fixture.componentRef.setInput('caption', 'Budget och prognos');
    fixture.componentRef.setInput('description', 'Stapeldiagram');
    fixture.componentRef.setInput('seriesLabels', ['Budget', 'Prognos']);
    fixture.componentRef.setInput('groups', [{ label: 'Personalkostnader för skolan', values: [-100, 50] }]);
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;
    const picture = root.querySelector('figure > svg[role="img"]');
    expect(root.querySelector('figcaption')?.textContent).toBe('Budget och prognos');
    expect(picture?.getAttribute('aria-label')).toBe('Stapeldiagram');
    const bars = Array.from(picture?.querySelectorAll(':scope > rect') ?? []);
    expect(bars).toHaveLength(2);
    expect(bars.every((bar) => bar.namespaceURI === SVG)).toBe(true);
    expect(picture?.querySelector(':scope > line.zero')?.namespaceURI).toBe(SVG);
    expect(Array.from(picture?.querySelectorAll('.axis text[text-anchor="middle"]') ?? []).map((t) => t.textContent)).toEqual([
      'Personalkostn…',
    ]);
    expect(Array.from(root.querySelectorAll('figure > ul.legend > li')).map((li) => li.textContent?.trim())).toEqual(['Budget', 'Prognos']);
  });

  it('draws one line per series with its markers, the periods under the x axis', async () => {
    const fixture = TestBed.createComponent(LineChartComponent);
    fixture.componentRef.setInput('caption', 'Sjukfrånvaro');
    fixture.componentRef.setInput('description', 'Linjediagram');
    fixture.componentRef.setInput('periods', ['T2 2024', 'T2 2025']);
    fixture.componentRef.setInput('series', [{ label: 'Total', values: [4.7, 2.1] }]);
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;
    const picture = root.querySelector('figure > svg[role="img"]');
    const line = picture?.querySelector(':scope > g:not(.axis)');
    expect(line?.namespaceURI).toBe(SVG);
    expect(line?.querySelector('path')?.namespaceURI).toBe(SVG);
    expect(line?.querySelectorAll('circle')).toHaveLength(2);
    expect(Array.from(picture?.querySelectorAll('.axis text[text-anchor="middle"]') ?? []).map((t) => t.textContent)).toEqual([
      'T2 2024',
      'T2 2025',
    ]);
    expect(root.querySelector('figure > ul.legend')?.textContent?.trim()).toBe('Total');
  });
});
