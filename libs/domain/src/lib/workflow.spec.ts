import { ROLE_PERMISSIONS } from './permissions';
import { availableTransitions, checkTransition, isEditable, TASK_STATES, TRANSITIONS, WORKFLOW } from './workflow';

describe('the section workflow', () => {
  it('walks draft → submitted → returned → draft → submitted → approved → reopened → draft', () => {
    const walk = [
      ['not_started', 'start'],
      ['draft', 'submit'],
      ['submitted', 'return'],
      ['returned', 'resume'],
      ['draft', 'submit'],
      ['submitted', 'approve'],
      ['approved', 'reopen'],
      ['reopened', 'resume'],
    ] as const;
    const reached = walk.map(([state, transition]) => {
      const result = checkTransition(state, transition, { allowed: true, text: 'Se över prognosen för heldygnsvård.' });
      if (!result.ok) throw new Error(result.message);
      return result.to;
    });
    expect(reached).toEqual(['draft', 'submitted', 'returned', 'draft', 'submitted', 'approved', 'reopened', 'draft']);
  });

  it('refuses every transition that is not in the table, with a Swedish message', () => {
    let refused = 0;
    for (const state of TASK_STATES) {
      for (const transition of TRANSITIONS) {
        const result = checkTransition(state, transition, { allowed: true, text: 'motivering' });
        const legal = WORKFLOW[transition].from.includes(state);
        expect(result.ok).toBe(legal);
        if (!result.ok) {
          refused += 1;
          expect(result.code).toBe('illegal_transition');
        }
      }
    }
    expect(refused).toBe(TASK_STATES.length * TRANSITIONS.length - 7);
    expect(checkTransition('approved', 'submit', { allowed: true })).toEqual({
      ok: false,
      code: 'illegal_transition',
      message: 'Uppgiften är godkänd och kan inte lämnas in nu.',
    });
  });

  it('requires a comment to return and a reason to reopen', () => {
    expect(checkTransition('submitted', 'return', { allowed: true, text: '  ' })).toMatchObject({
      ok: false,
      code: 'text_required',
      message: 'Skriv en kommentar om vad som behöver ändras.',
    });
    expect(checkTransition('approved', 'reopen', { allowed: true })).toMatchObject({
      ok: false,
      code: 'text_required',
    });
    expect(checkTransition('submitted', 'approve', { allowed: true })).toEqual({ ok: true, to: 'approved' });
  });

  it('refuses a person without the permission before looking at the text', () => {
    expect(checkTransition('submitted', 'return', { allowed: false, text: 'ok' })).toMatchObject({
      code: 'not_allowed',
    });
  });

  it('locks content while submitted and once approved', () => {
    expect(TASK_STATES.filter(isEditable)).toEqual(['not_started', 'draft', 'returned', 'reopened']);
  });

  it('shows a unit head the submit button on a draft, and the economist return/approve on a submitted task', () => {
    expect(availableTransitions('draft', ROLE_PERMISSIONS.unit_head)).toEqual(['submit']);
    expect(availableTransitions('submitted', ROLE_PERMISSIONS.unit_head)).toEqual([]);
    expect(availableTransitions('submitted', ROLE_PERMISSIONS.economist)).toEqual(['return', 'approve']);
    expect(availableTransitions('approved', ROLE_PERMISSIONS.secretary)).toEqual(['reopen']);
    expect(availableTransitions('approved', ROLE_PERMISSIONS.reader)).toEqual([]);
  });
});
