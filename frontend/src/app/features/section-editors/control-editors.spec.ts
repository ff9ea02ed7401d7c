import { TestBed } from '@angular/core/testing';
import type { SectionConfig, TaskContent } from '@rapportflode/domain';
import { GenericTableEditorComponent } from './generic-table-editor.component';
import { InternalControlEditorComponent } from './internal-control-editor.component';
import { draftInput, type SectionDraft } from './section-drafts';

async function render<T>(component: new (...args: never[]) => T, content: TaskContent, config: SectionConfig | null) {
  const fixture = TestBed.createComponent(component);
  fixture.componentRef.setInput('title', 'Avsnittet');
  fixture.componentRef.setInput('content', content);
  fixture.componentRef.setInput('config', config);
  let changes = 0;
  (fixture.componentInstance as unknown as { changed: { subscribe(f: () => void): void } }).changed.subscribe(() => (changes += 1));
  await fixture.whenStable();
  const draft = () => (fixture.componentInstance as unknown as { draft: () => SectionDraft }).draft();
  return { fixture, root: fixture.nativeElement as HTMLElement, draft, changes: () => changes };
}

function type(root: HTMLElement, selector: string, text: string): void {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = text;
  input.dispatchEvent(new Event('input'));
}

describe('internal control editor with the template’s layouts', () => {
  const audit: SectionConfig = { internalControl: { layout: 'audit_recommendations', statuses: [{ key: 'likely_done', label: 'Troligen klart i år' }] } };

  it('offers the audit recommendations’ columns instead of the plan, and adds a row that is saved as a recommendation', async () => {
    const { fixture, root, draft } = await render(InternalControlEditorComponent, { type: 'internal_control', plan: [], risks: [] }, audit);
    const heads = (table: Element | null) => Array.from(table?.querySelectorAll('thead th') ?? []).map((th) => th.textContent?.trim());
    const main = root.querySelector('table[data-layout="audit_recommendations"]');
    expect(main?.querySelector('caption')?.textContent?.trim()).toBe('Avsnittet: revisionens rekommendationer');
    expect(heads(main).slice(1, 5)).toEqual(['Revision/Granskning', 'Bakgrund', 'Åtgärd', 'Status']);
    expect(root.textContent).not.toContain('Kontrollområde');
    root.querySelector<HTMLButtonElement>('#ic-add-layout-row')?.click();
    await fixture.whenStable();
    const key = (draft() as { recommendations?: Array<{ key: string }> }).recommendations?.[0]?.key;
    expect(key).toBeTruthy();
    expect(draftInput(audit, draft())).toMatchObject({ type: 'internal_control', plan: [], recommendations: [{ key, review: '', background: '', action: '', status: '' }] });
  });

  it('offers the template’s risk statuses beside the built-in ones, and shows them by their label', async () => {
    const content: TaskContent = {
      type: 'internal_control',
      plan: [],
      risks: [{ key: 't', title: 'Verksamhetsrisker', rows: [{ key: 'r', risk: 'Kompetensbrist.', cause: '', impact: '', handling: '', status: 'likely_done' }] }],
      recommendations: [],
    };
    const { root } = await render(InternalControlEditorComponent, content, audit);
    const options = Array.from(root.querySelectorAll('[data-row="r"] select option')).map((o) => o.textContent?.trim());
    expect(options).toEqual(expect.arrayContaining(['Ännu aktuell risk', 'Ej aktuell risk', 'Troligen klart i år']));
  });
});

describe('table editor with a typed total', () => {
  const config: SectionConfig = {
    table: {
      columns: [
        { key: 'bidrag', label: 'Bidrag', type: 'text', required: true },
        { key: 'belopp', label: 'Erhållet belopp tkr', type: 'number', sum: true },
      ],
      totalLabel: 'Summa',
    },
  };
  const content: TaskContent = {
    type: 'table',
    rows: [
      { key: 'a', cells: { bidrag: 'Habilitering', belopp: 2322 } },
      { key: 'b', cells: { bidrag: 'Familjehem', belopp: 952 } },
    ],
  };

  it('keeps the typed Summa beside the computed one and says in Swedish when they disagree', async () => {
    const { fixture, root, draft } = await render(GenericTableEditorComponent, content, config);
    expect(root.querySelector('.total-flags')).toBeNull();
    type(root, '#tb-printed-belopp', '3 300');
    await fixture.whenStable();
    expect(root.querySelector('.total-flags')?.textContent).toContain('Summa, Erhållet belopp tkr: den inskrivna summan 3\u00a0300 stämmer inte med raderna; raderna summeras till 3\u00a0274.');
    expect(draftInput(config, draft())).toMatchObject({ printedTotal: { belopp: '3 300' } });
    type(root, '#tb-printed-belopp', '3 274');
    await fixture.whenStable();
    expect(root.querySelector('.total-flags')).toBeNull();
  });

  it('shows a stored typed total that disagrees, also read-only for the reviewer', async () => {
    const fixture = TestBed.createComponent(GenericTableEditorComponent);
    fixture.componentRef.setInput('title', 'Statsbidrag');
    fixture.componentRef.setInput('content', { ...content, printedTotal: { belopp: 3300 } });
    fixture.componentRef.setInput('config', config);
    fixture.componentRef.setInput('readonly', true);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('tr.printed-total')?.textContent).toContain('3\u00a0300');
    expect(root.querySelector('.total-flags')?.textContent).toContain('stämmer inte med raderna');
  });
});
