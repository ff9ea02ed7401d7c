import { TestBed } from '@angular/core/testing';
import { emptyDocument, type GoalsContent, type RichTextDocument } from '@rapportflode/domain';
import { checkDraft } from './draft-check';
import { GoalsEditorComponent } from './goals-editor.component';
import { type GoalsDraft, newCommitteeGoal, newIndicator, toGoalsDraft } from './section-drafts';
import { fieldRef } from './section-grid';

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const doc = (...content: RichTextDocument['content']): RichTextDocument => ({ type: 'doc', version: 1, content });

/** Stored before indicator comments were rich text: the first indicator's comment is a string of two lines. */
const stored = {
  type: 'goals',
  goals: [
    {
      key: 'g1',
      title: 'Bästa utveckling för alla',
      committeeGoals: [
        {
          key: 'cg1',
          title: 'Trygghet för våldsutsatta',
          assessment: 'met',
          indicators: [
            { key: 'i1', name: 'Andel som inte utsätts för våld', unit: 'percent', previous: 85, value: 90, target: 85, assessment: 'met', comment: 'Fler har lämnat skyddat boende.\nUppföljning sker i T3.' },
            { key: 'i2', name: 'Andel nöjda föräldrar', unit: 'percent', previous: 70, value: 75, target: 80, assessment: 'partly' },
          ],
        },
      ],
    },
  ],
} as unknown as GoalsContent;

const draftWith = (comment: RichTextDocument): GoalsDraft => ({
  type: 'goals',
  goals: [
    {
      key: 'g1',
      title: 'Bästa utveckling för alla',
      area: '',
      assessment: '',
      committeeGoals: [
        { ...newCommitteeGoal(), key: 'cg1', title: 'Trygghet', assessment: 'met', indicators: [{ ...newIndicator(), key: 'i1', name: 'Andel trygga', previous: '85', value: '90', target: '85', assessment: 'met', comment }] },
      ],
    },
  ],
});

describe('indicator comment drafts', () => {
  it('reads an old string comment as its paragraphs; a new indicator starts with an empty document', () => {
    const indicators = toGoalsDraft(null, stored).goals[0].committeeGoals[0].indicators;
    expect(indicators[0].comment).toEqual(doc(p('Fler har lämnat skyddat boende.'), p('Uppföljning sker i T3.')));
    expect(indicators[1].comment).toEqual(emptyDocument());
    expect(newIndicator().comment).toEqual(emptyDocument());
  });

  it('stores two paragraphs and a list as typed, stores nothing for an empty comment, and reads the stored comment back', () => {
    const rich = doc(p('Fler har lämnat skyddat boende.'), p('Insatser:'), { type: 'bullet_list', items: [[p('Uppföljande samtal')]] });
    const check = checkDraft(null, draftWith(rich));
    const indicator = (check.content as GoalsContent).goals[0].committeeGoals[0].indicators[0];
    expect(indicator.comment).toEqual(rich);
    expect(toGoalsDraft(null, check.content as GoalsContent).goals[0].committeeGoals[0].indicators[0].comment).toEqual(rich);
    const empty = checkDraft(null, draftWith(emptyDocument()));
    expect('comment' in (empty.content as GoalsContent).goals[0].committeeGoals[0].indicators[0]).toBe(false);
  });

  it('puts the message of a too long comment at the indicator’s comment', () => {
    const check = checkDraft(null, draftWith(doc(p('x'.repeat(5001)))));
    expect(check.content).toBeNull();
    expect(check.at.get(fieldRef('i1', 'comment'))).toBe('Kommentar: får vara högst 5\u00a0000 tecken (nu 5\u00a0001).');
  });
});

describe('GoalsEditorComponent: an indicator’s comment in its own row', () => {
  async function editor(readonly: boolean) {
    const fixture = TestBed.createComponent(GoalsEditorComponent);
    fixture.componentRef.setInput('title', 'Mål och indikatorer');
    fixture.componentRef.setInput('content', stored);
    fixture.componentRef.setInput('config', { goals: { year: 2021 } });
    fixture.componentRef.setInput('readonly', readonly);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('has no comment cell in the indicator row; under each indicator a button opens its rich text editor, an existing comment open', async () => {
    const { fixture, root } = await editor(false);
    expect(Array.from(root.querySelectorAll('th[scope="col"]')).map((th) => th.textContent?.trim())).not.toContain('Kommentar');
    const first = root.querySelector('#gl-i1-comment-toggle') as HTMLButtonElement;
    const second = root.querySelector('#gl-i2-comment-toggle') as HTMLButtonElement;
    expect([first.textContent?.trim(), second.textContent?.trim()]).toEqual(['Kommentar till indikator 1', 'Kommentar till indikator 2']);
    expect([first.getAttribute('aria-expanded'), second.getAttribute('aria-expanded')]).toEqual(['true', 'false']);
    const shown = root.querySelector('#gl-i1-comment [role="textbox"]') as HTMLElement;
    expect(shown.getAttribute('aria-label')).toBe('Kommentar till indikator 1 under nämndmål 1.1');
    expect(Array.from(shown.querySelectorAll('p')).map((x) => x.textContent)).toEqual(['Fler har lämnat skyddat boende.', 'Uppföljning sker i T3.']);
    expect(root.querySelector('#gl-i2-comment')).toBeNull();
    expect(second.hasAttribute('aria-controls')).toBe(false);
    second.click();
    await fixture.whenStable();
    expect(second.getAttribute('aria-expanded')).toBe('true');
    expect(second.getAttribute('aria-controls')).toBe('gl-i2-comment');
    expect(root.querySelector('#gl-i2-comment [role="textbox"]')).not.toBeNull();
    // Closing the first hides its editor; the comment stays in the draft and opens again as it was.
    first.click();
    await fixture.whenStable();
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('#gl-i1-comment')).toBeNull();
    first.click();
    await fixture.whenStable();
    expect(Array.from(root.querySelectorAll('#gl-i1-comment [role="textbox"] p')).map((x) => x.textContent)).toEqual(['Fler har lämnat skyddat boende.', 'Uppföljning sker i T3.']);
    // The row's own cells keep their order: name, unit, the figures, source, then the row's actions.
    const cells = Array.from(root.querySelectorAll('tr[data-row="i1"] input, tr[data-row="i1"] select')).map((e) => e.id);
    expect(cells).toEqual(['gl-i1-name', 'gl-i1-unit', 'gl-i1-previous', 'gl-i1-value', 'gl-i1-target', 'gl-i1-lowerIsBetter', 'gl-i1-assessment', 'gl-i1-source']);
  });

  it('shows read-only an indicator’s comment in a full-width row under it', async () => {
    const { root } = await editor(true);
    const rows = Array.from(root.querySelectorAll('.indicator-comment-row')).map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual(['Kommentar: Fler har lämnat skyddat boende. Uppföljning sker i T3.']);
  });
});
