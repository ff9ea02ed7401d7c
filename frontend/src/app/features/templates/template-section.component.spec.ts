import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TemplateSectionComponent, type SectionChange, type SectionMove } from './template-section.component';
import type { EditorSection } from './template-sections';

describe('TemplateSectionComponent', () => {
  async function section() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(TemplateSectionComponent);
    const row: EditorSection = {
      uid: 's1',
      savedKey: null,
      parentUid: null,
      title: 'Ekonomi',
      kind: 'narrative',
      responsibility: 'all_units',
      unitIds: [],
      reviewerRole: 'director',
    };
    fixture.componentRef.setInput('row', row);
    fixture.componentRef.setInput('number', '2');
    fixture.componentRef.setInput('moves', { up: false, down: true, indent: true, outdent: false });
    fixture.componentRef.setInput('label', 'Ekonomi');
    const changes: SectionChange[] = [];
    const moves: SectionMove[] = [];
    fixture.componentInstance.changed.subscribe((change) => changes.push(change));
    fixture.componentInstance.moved.subscribe((move) => moves.push(move));
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, changes, moves };
  }

  it('offers what the section holds, who delivers it and who reviews it, and reports a choice as a change of that field', async () => {
    const { fixture, root, changes } = await section();
    const fields = Array.from(root.querySelectorAll('mat-form-field'));
    expect(fields.map((f) => f.querySelector('mat-label')?.textContent?.trim())).toEqual([
      'Rubrik',
      'Innehåll',
      'Levereras av',
      'Granskas av',
      'Placering',
      'Skrivinstruktion till den som skriver',
    ]);
    const selects = Array.from(root.querySelectorAll('select'));
    expect(selects.map((s) => s.value)).toEqual(['narrative', 'all_units', 'director', 'body']);
    selects[1].value = 'chosen_units';
    selects[1].dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(changes).toEqual([{ responsibility: 'chosen_units' }]);
  });

  it('edits the writing instruction, counts its characters and says when it is too long', async () => {
    const { fixture, root, changes } = await section();
    const area = root.querySelector<HTMLTextAreaElement>('#guidance-s1');
    expect(area).not.toBeNull();
    area!.value = 'Beskriv periodens viktigaste händelser.';
    area!.dispatchEvent(new Event('input'));
    expect(changes).toContainEqual({ guidance: 'Beskriv periodens viktigaste händelser.' });
    fixture.componentRef.setInput('row', { ...fixture.componentInstance.row(), guidance: 'x'.repeat(601) });
    await fixture.whenStable();
    expect(root.querySelector('#guidance-count-s1')?.textContent).toContain('601 av högst 600 tecken');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Skrivinstruktionen får vara högst 600 tecken (nu 601).');
    expect(area!.getAttribute('aria-invalid')).toBe('true');
  });

  it('makes a section a heading only or an appendix, the placement offered at the top level only', async () => {
    const { fixture, root, changes } = await section();
    const headingOnly = root.querySelector<HTMLInputElement>('#heading-only-s1 input[type="checkbox"]');
    expect(root.querySelector('#heading-only-s1')?.textContent).toContain('Endast rubrik');
    headingOnly!.click();
    const placement = root.querySelector<HTMLSelectElement>('#placement-s1');
    expect(Array.from(placement!.options).map((o) => o.textContent?.trim())).toEqual(['I huvudtexten', 'Som bilaga']);
    placement!.value = 'appendix';
    placement!.dispatchEvent(new Event('change'));
    expect(changes).toEqual([{ headingOnly: true }, { placement: 'appendix' }]);
    fixture.componentRef.setInput('row', { ...fixture.componentInstance.row(), parentUid: 's0' });
    await fixture.whenStable();
    expect(root.querySelector('#placement-s1')).toBeNull();
  });

  it('gives each move button its id, its label and its state, and reports the move', async () => {
    const { root, moves } = await section();
    const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('.moves button')).slice(0, 4);
    expect(buttons.map((b) => [b.id, b.getAttribute('aria-label'), b.textContent?.trim(), b.getAttribute('aria-disabled')])).toEqual([
      ['up-s1', 'Flytta upp Ekonomi', 'Flytta upp', 'true'],
      ['down-s1', 'Flytta ned Ekonomi', 'Flytta ned', null],
      ['indent-s1', 'Gör till underavsnitt: Ekonomi', 'Gör till underavsnitt', null],
      ['outdent-s1', 'Flytta ut en nivå: Ekonomi', 'Flytta ut en nivå', 'true'],
    ]);
    buttons[1].click();
    expect(moves).toEqual(['down']);
  });
});
