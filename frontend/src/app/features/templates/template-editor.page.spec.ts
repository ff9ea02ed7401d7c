import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { ReportTemplateDto, SaveTemplateRequest } from '@rapportflode/api-contract';
import { of } from 'rxjs';
import { ApiClient } from '../../core/api-client';
import { AuthService } from '../../core/auth.service';
import { TemplateEditorPage } from './template-editor.page';

const TEMPLATE: ReportTemplateDto = {
  id: 't1',
  committeeId: 'c1',
  committeeName: 'Socialnämnden, Gnesta kommun',
  name: 'Delårsrapport',
  reportKind: 'interim_report',
  active: true,
  sectionCount: 2,
  layout: { numberedHeadings: true, chapterPageBreak: true, captions: true, tocDepth: 2 },
  sections: [
    { key: 'verksamhet', parentKey: null, number: '1', depth: 1, title: 'Verksamhet', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist', unitIds: [], config: null, guidance: null, headingOnly: true, placement: 'body' },
    { key: 'ekonomi', parentKey: 'verksamhet', number: '1.1', depth: 2, title: 'Ekonomi', kind: 'economy', responsibility: 'committee', reviewerRole: 'economist', unitIds: [], config: null, guidance: null, headingOnly: false, placement: 'body' },
    { key: 'bilaga', parentKey: null, number: 'B1', depth: 1, title: 'Nyckeltal', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist', unitIds: [], config: null, guidance: null, headingOnly: false, placement: 'appendix' },
  ],
};

describe('TemplateEditorPage, the panel Utskrift', () => {
  async function page() {
    const saved: SaveTemplateRequest[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        {
          provide: ApiClient,
          useValue: {
            getTemplate: () => of(TEMPLATE),
            getOrganisation: () => of({ committees: [] }),
            updateTemplate: (_id: string, body: SaveTemplateRequest) => {
              saved.push(body);
              return of(TEMPLATE);
            },
          },
        },
        { provide: AuthService, useValue: { can: () => true } },
      ],
    });
    const fixture = TestBed.createComponent(TemplateEditorPage);
    fixture.componentRef.setInput('id', 't1');
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, saved };
  }

  const tocLines = (root: HTMLElement) => Array.from(root.querySelectorAll('#layout-preview .preview-toc li')).map((li) => li.textContent?.trim());

  it('shows the saved layout and its example: numbered headings, the appendix as Bilaga 1, a numbered caption', async () => {
    const { root } = await page();
    expect(root.querySelector('#print-heading')?.textContent).toBe('Utskrift');
    expect(tocLines(root)).toEqual(['1 Verksamhet', '1.1 Ekonomi', 'Bilaga 1 Nyckeltal']);
    expect(root.querySelector('#layout-preview .preview-caption')?.textContent).toBe('Tabell 1. Ekonomi');
    expect(root.querySelector<HTMLSelectElement>('#layout-toc-depth')?.options.length).toBe(4);
  });

  it('updates the example as the choices change, and saves the layout with the template', async () => {
    const { fixture, root, saved } = await page();
    root.querySelector<HTMLInputElement>('#layout-numbered-headings input[type="checkbox"]')!.click();
    root.querySelector<HTMLInputElement>('#layout-captions input[type="checkbox"]')!.click();
    const depth = root.querySelector<HTMLSelectElement>('#layout-toc-depth')!;
    depth.selectedIndex = 1;
    depth.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(tocLines(root)).toEqual(['Verksamhet', 'Bilaga 1 Nyckeltal']);
    expect(root.querySelector('#layout-preview .preview-caption')?.textContent).toBe('Ekonomi');
    root.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(saved).toHaveLength(1);
    expect(saved[0].layout).toEqual({ numberedHeadings: false, chapterPageBreak: true, captions: false, tocDepth: 1 });
    expect(saved[0].sections.map((s) => [s.key, s.headingOnly ?? false, s.placement ?? 'body'])).toEqual([
      ['verksamhet', true, 'body'],
      ['ekonomi', false, 'body'],
      ['bilaga', false, 'appendix'],
    ]);
  });
});
