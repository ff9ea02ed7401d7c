import { openReturn, type HistoryStep } from './returned-notice.component';

function step(transition: HistoryStep['transition'], text: string | null = null): HistoryStep {
  return { transition, actorName: 'Anders Nilsson', text, at: '2026-12-03T10:00:00.000Z' };
}

describe('openReturn', () => {
  it('is the latest return after the latest submission, also once the writer resumed it as a draft', () => {
    expect(openReturn([step('start'), step('submit'), step('return', 'Ange prognosen.')])?.text).toBe('Ange prognosen.');
    expect(openReturn([step('start'), step('submit'), step('return', 'Ange prognosen.'), step('resume')])?.text).toBe('Ange prognosen.');
  });

  it('is a reopening after approval', () => {
    const reopened = openReturn([step('submit'), step('approve'), step('reopen', 'Fel siffra.')]);
    expect(reopened?.transition).toBe('reopen');
    expect(reopened?.text).toBe('Fel siffra.');
  });

  it('is gone once the subject is handed in again, and absent before any return', () => {
    expect(openReturn([step('submit'), step('return', 'x'), step('resume'), step('submit')])).toBeNull();
    expect(openReturn([step('start'), step('submit')])).toBeNull();
    expect(openReturn([])).toBeNull();
  });
});
