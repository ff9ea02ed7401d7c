import { ROLE_PERMISSIONS } from './permissions';
import {
  automaticTransition,
  availableTransitions,
  checkTransition,
  lockedMessage,
  staleMessage,
  isEditable,
  isSelfApproval,
  ReviewRound,
  SELF_APPROVAL_REFUSED_MESSAGE,
  TASK_STATES,
  TRANSITIONS,
  WORKFLOW,
} from './workflow';

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

describe('separation of duties: nobody approves the round they submitted', () => {
  // A person with unit_head on an enhet and economist on its nämnd holds every action on that enhet's task.
  const both = [...new Set([...ROLE_PERMISSIONS.unit_head, ...ROLE_PERMISSIONS.economist])];
  const own: ReviewRound = { submittedBy: 'lena', actorId: 'lena', selfApprovalAllowed: false };
  const someoneElse: ReviewRound = { submittedBy: 'lena', actorId: 'johan', selfApprovalAllowed: false };

  it('refuses the submitter approving their own round with a coded Swedish refusal', () => {
    expect(checkTransition('submitted', 'approve', { allowed: true, round: own })).toEqual({
      ok: false,
      code: 'self_approval_refused',
      message: SELF_APPROVAL_REFUSED_MESSAGE,
    });
    expect(SELF_APPROVAL_REFUSED_MESSAGE).toBe(
      'Du lämnade in den här omgången och kan inte själv godkänna den. En annan granskare behöver godkänna.',
    );
    expect(checkTransition('submitted', 'approve', { allowed: true, round: someoneElse })).toEqual({ ok: true, to: 'approved' });
  });

  it('still lets the submitter return their own round (it approves nothing) and reopen after someone else approved', () => {
    expect(checkTransition('submitted', 'return', { allowed: true, text: 'Jag glömde prognosen.', round: own })).toEqual({
      ok: true,
      to: 'returned',
    });
    expect(checkTransition('approved', 'reopen', { allowed: true, text: 'Nya siffror.', round: own })).toEqual({ ok: true, to: 'reopened' });
  });

  it('answers the state and the permission first: a self-approval of a draft is illegal, not self-approval', () => {
    expect(checkTransition('draft', 'approve', { allowed: true, round: own })).toMatchObject({ code: 'illegal_transition' });
    expect(checkTransition('submitted', 'approve', { allowed: false, round: own })).toMatchObject({ code: 'not_allowed' });
  });

  it('hides the approve button from the submitter only, and shows it when the installation allows self-approval', () => {
    expect(availableTransitions('submitted', both, own)).toEqual(['return']);
    expect(availableTransitions('submitted', both, someoneElse)).toEqual(['return', 'approve']);
    expect(availableTransitions('submitted', both, { ...own, selfApprovalAllowed: true })).toEqual(['return', 'approve']);
    expect(availableTransitions('draft', both, own)).toEqual(['submit']);
  });

  it('lets the submitter approve when the installation allows it, and names it a self-approval (the server audits it)', () => {
    const relaxed = { ...own, selfApprovalAllowed: true };
    expect(checkTransition('submitted', 'approve', { allowed: true, round: relaxed })).toEqual({ ok: true, to: 'approved' });
    expect(isSelfApproval('approve', relaxed)).toBe(true);
    expect(isSelfApproval('approve', someoneElse)).toBe(false);
    expect(isSelfApproval('return', own)).toBe(false);
    // A round nobody has handed in has no submitter to protect against.
    expect(isSelfApproval('approve', { submittedBy: null, actorId: 'lena', selfApprovalAllowed: false })).toBe(false);
  });
});

describe('one workflow for every subject', () => {
  it('starts a draft on the first save and resumes a returned or reopened one; otherwise a save makes no transition', () => {
    expect(TASK_STATES.map((state) => [state, automaticTransition(state)])).toEqual([
      ['not_started', 'start'],
      ['draft', null],
      ['submitted', null],
      ['returned', 'resume'],
      ['approved', null],
      ['reopened', 'resume'],
    ]);
    for (const state of TASK_STATES) {
      const transition = automaticTransition(state);
      if (transition) expect(checkTransition(state, transition, { allowed: true })).toEqual({ ok: true, to: 'draft' });
    }
  });

  it('names the subject in its messages: a task by default, a tjänsteskrivelse when asked', () => {
    expect(checkTransition('approved', 'submit', { allowed: true, subject: 'memo' })).toMatchObject({
      code: 'illegal_transition',
      message: 'Tjänsteskrivelsen är godkänd och kan inte lämnas in nu.',
    });
    expect(checkTransition('approved', 'reopen', { allowed: true })).toMatchObject({ message: 'Ange varför uppgiften öppnas igen.' });
    expect(checkTransition('approved', 'reopen', { allowed: true, subject: 'memo' })).toMatchObject({
      code: 'text_required',
      message: 'Ange varför tjänsteskrivelsen öppnas igen.',
    });
    expect(checkTransition('submitted', 'return', { allowed: true, subject: 'memo' })).toMatchObject({
      message: 'Skriv en kommentar om vad som behöver ändras.',
    });
  });

  it('says why a locked subject cannot be changed, and that a stale one has changed', () => {
    expect(lockedMessage('approved')).toBe('Uppgiften är godkänd och låst. Be granskaren eller nämndsekreteraren att öppna den igen.');
    expect(lockedMessage('submitted')).toBe('Uppgiften är inlämnad och väntar på granskning; den kan inte ändras nu.');
    expect(lockedMessage('approved', 'memo')).toBe(
      'Tjänsteskrivelsen är godkänd och låst. Be förvaltningschefen eller nämndsekreteraren att öppna den igen.',
    );
    expect(lockedMessage('submitted', 'memo')).toBe('Tjänsteskrivelsen är inlämnad och väntar på granskning; den kan inte ändras nu.');
    expect(staleMessage()).toBe('Uppgiften har ändrats sedan du öppnade den. Ladda om sidan och försök igen.');
    expect(staleMessage('memo')).toBe('Tjänsteskrivelsen har ändrats sedan du öppnade den. Ladda om sidan och försök igen.');
  });
});
