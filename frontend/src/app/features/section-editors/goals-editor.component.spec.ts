import { TestBed } from '@angular/core/testing';
import type { GoalsContent, SectionConfig } from '@rapportflode/domain';
import { GoalsEditorComponent } from './goals-editor.component';

/** Stored before comments were rich text: the nämndmål's comment is a string. */
const stored = {
  type: 'goals',
  goals: [
    {
      key: 'g1',
      area: 'Livskvalitet',
      title: 'Gnesta ska vara en trygg kommun',
      committeeGoals: [
        {
          key: 'cg1',
          title: 'Fler barn ska känna sig trygga',
          assessment: 'partly',
          comment: 'Arbetet pågår.\nEnkäten görs i oktober.',
          indicators: [
            { key: 'i1', name: 'Andel trygga elever', unit: 'percent', earlier: [{ label: '2019', value: 81 }, { label: '2020', value: 82.5 }], previous: 84, value: 86, target: 'Öka', assessment: null },
          ],
        },
      ],
    },
  ],
} as unknown as GoalsContent;

describe('GoalsEditorComponent under a goals layout', () => {
  async function editor(config: SectionConfig, readonly: boolean) {
    const fixture = TestBed.createComponent(GoalsEditorComponent);
    fixture.componentRef.setInput('title', 'Mål och indikatorer');
    fixture.componentRef.setInput('content', stored);
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('readonly', readonly);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const layout: SectionConfig = { goals: { year: 2022, areas: true, assessCommitteeGoals: false, assessIndicators: false } };

  it('edits the målområde, the earlier years with their labels and the text target, without assessments the template does not ask for', async () => {
    const root = await editor(layout, false);
    expect((root.querySelector('#gl-g1-area') as HTMLInputElement).value).toBe('Livskvalitet');
    expect(root.querySelector('#gl-cg1-assessment')).toBeNull();
    expect(Array.from(root.querySelectorAll('th[scope="col"]')).map((th) => th.textContent?.trim())).not.toContain('Bedömning');
    const earlier = Array.from(root.querySelectorAll<HTMLInputElement>('.earlier-list input')).map((i) => i.value);
    expect(earlier).toEqual(['2019', '81', '2020', '82,5']);
    expect(root.querySelector('#gl-i1-add-earlier')?.textContent?.trim()).toBe('Lägg till tidigare år, indikator 1');
    expect((root.querySelector('#gl-i1-target') as HTMLInputElement).value).toBe('Öka');
    // The old string comment opens in the rich text editor as its two paragraphs.
    const comment = root.querySelector('[role="textbox"][aria-label="Kommentar till nämndmål 1.1"]') as HTMLElement;
    expect(Array.from(comment.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['Arbetet pågår.', 'Enkäten görs i oktober.']);
  });

  it('shows read-only the målområde, each earlier year by its label and the comment', async () => {
    const root = await editor(layout, true);
    expect(root.querySelector('.area')?.textContent?.trim()).toBe('Målområde: Livskvalitet');
    expect(root.querySelector('.earlier-row')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Tidigare år: Utfall 2019: 81 %, Utfall 2020: 82,5 %');
    expect(root.textContent).toContain('Arbetet pågår.');
    expect(root.textContent).not.toContain('Bedömning:');
  });
});
