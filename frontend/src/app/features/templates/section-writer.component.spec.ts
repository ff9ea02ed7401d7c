import { TestBed } from '@angular/core/testing';
import type { Role } from '@rapportflode/domain';
import { DEFAULT_WRITER_LABEL, SectionWriterComponent } from './section-writer.component';

describe('SectionWriterComponent ("Skrivs av")', () => {
  async function writer(role: Role | null) {
    const fixture = TestBed.createComponent(SectionWriterComponent);
    fixture.componentRef.setInput('uid', 's1');
    fixture.componentRef.setInput('role', role);
    const chosen: Array<Role | null> = [];
    fixture.componentInstance.chosen.subscribe((r) => chosen.push(r));
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, chosen };
  }

  it('says the default rule applies and opens the choice of a writing role on request', async () => {
    const { fixture, root, chosen } = await writer(null);
    expect(root.querySelector('#writer-summary-s1')?.textContent).toContain('Skrivs av: som vanligt');
    expect(root.querySelector('select')).toBeNull();
    root.querySelector<HTMLButtonElement>('#writer-change-s1')?.click();
    await fixture.whenStable();
    const select = root.querySelector<HTMLSelectElement>('#writer-s1');
    expect(Array.from(select?.options ?? []).map((o) => o.textContent?.trim())).toEqual([
      DEFAULT_WRITER_LABEL,
      'Enhetschef',
      'Förvaltningsekonom',
      'Nämndsekreterare',
      'Förvaltningschef',
      'Granskare',
    ]);
    select!.value = 'economist';
    select!.dispatchEvent(new Event('change'));
    select!.value = '';
    select!.dispatchEvent(new Event('change'));
    expect(chosen).toEqual(['economist', null]);
  });

  it('shows the chosen role open from the start', async () => {
    const { root } = await writer('economist');
    expect(root.querySelector('#writer-summary-s1')?.textContent).toContain('Skrivs av: Förvaltningsekonom');
    expect(root.querySelector<HTMLSelectElement>('#writer-s1')?.value).toBe('economist');
  });
});

describe('"Skrivs av" in the template editor’s sections', () => {
  it('sends the chosen writer role and reads it back, and sends nothing for the default rule', async () => {
    const { fromTemplateSections, toSectionInputs } = await import('./template-sections');
    const saved = [
      { key: 'ekonomi', parentKey: null, title: 'Ekonomi', kind: 'narrative' as const, responsibility: 'committee' as const, reviewerRole: 'reviewer' as const, unitIds: [], writerRole: 'economist' as const },
      { key: 'sammanfattning', parentKey: null, title: 'Sammanfattning', kind: 'narrative' as const, responsibility: 'committee' as const, reviewerRole: 'reviewer' as const, unitIds: [], writerRole: null },
    ];
    const rows = fromTemplateSections(saved);
    expect(rows.map((r) => r.writerRole)).toEqual(['economist', undefined]);
    expect(toSectionInputs(rows).map((s) => s.writerRole)).toEqual(['economist', undefined]);
  });
});
