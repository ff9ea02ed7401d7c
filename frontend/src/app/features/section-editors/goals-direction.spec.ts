import { TestBed } from '@angular/core/testing';
import type { GoalsContent } from '@rapportflode/domain';
import { GoalsEditorComponent } from './goals-editor.component';
import { newIndicator } from './section-drafts';
import { indicatorFulfilment } from './section-views';

const content = (target: string | number, value: number, previous: number | null) =>
  ({
    type: 'goals',
    goals: [
      {
        key: 'g1',
        title: 'Gnesta ska vara en trygg kommun',
        committeeGoals: [
          {
            key: 'cg1',
            title: 'Fler barn ska känna sig trygga',
            assessment: null,
            indicators: [{ key: 'i1', name: 'Andel trygga elever', unit: 'percent', earlier: [], previous, value, target, assessment: null }],
          },
        ],
      },
    ],
  }) as unknown as GoalsContent;

describe('a direction target’s måluppfyllelse in the goals editor', () => {
  it('reads the direction as typed against föregående år, else the last earlier year', () => {
    expect(indicatorFulfilment({ ...newIndicator(), previous: '84', value: '86', target: 'Öka' })).toBe('Uppfyllt');
    expect(indicatorFulfilment({ ...newIndicator(), previous: '84', value: '86', target: 'minska' })).toBe('Ej uppfyllt');
    expect(indicatorFulfilment({ ...newIndicator(), unit: 'count', earlier: [{ label: '2020', value: '1 200' }], value: '1 200', target: 'Bibehålla' })).toBe('Uppfyllt');
  });

  it('shows – without an earlier value or for another text, and the per cent for a figure as before', () => {
    expect(indicatorFulfilment({ ...newIndicator(), value: '86', target: 'Öka' })).toBe('–');
    expect(indicatorFulfilment({ ...newIndicator(), previous: '84', value: '86', target: 'Minst som riket' })).toBe('–');
    expect(indicatorFulfilment({ ...newIndicator(), previous: '84', value: '90', target: '85 %' })).toBe('106\u00a0%');
  });

  async function editor(stored: GoalsContent, readonly: boolean) {
    const fixture = TestBed.createComponent(GoalsEditorComponent);
    fixture.componentRef.setInput('title', 'Mål och indikatorer');
    fixture.componentRef.setInput('content', stored);
    fixture.componentRef.setInput('config', { goals: { year: 2022 } });
    fixture.componentRef.setInput('readonly', readonly);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows it in the Måluppfyllelse cell while editing and read-only', async () => {
    for (const readonly of [false, true]) {
      expect((await editor(content('Öka', 86, 84), readonly)).querySelector('td.computed')?.textContent?.trim()).toBe('Uppfyllt');
      expect((await editor(content('Öka', 80, 84), readonly)).querySelector('td.computed')?.textContent?.trim()).toBe('Ej uppfyllt');
      expect((await editor(content('Öka', 80, null), readonly)).querySelector('td.computed')?.textContent?.trim()).toBe('–');
    }
  });
});
