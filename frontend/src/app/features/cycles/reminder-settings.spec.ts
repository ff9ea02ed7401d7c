import { HttpErrorResponse } from '@angular/common/http';
import { checkReminderConfig, DEFAULT_REMINDER_CONFIG, ReminderConfig } from '@rapportflode/domain';
import {
  checkReminderForm,
  holidaysSkipped,
  hourText,
  isDefaultReminderConfig,
  listText,
  longDateText,
  parseOffsets,
  REMINDER_HOURS,
  reminderForm,
  reminderInput,
  reminderPreview,
  reminderSaveErrors,
  reminderSummary,
  sameReminderConfig,
} from './reminder-settings';

const config = (change: Partial<ReminderConfig> = {}): ReminderConfig => ({
  ...DEFAULT_REMINDER_CONFIG,
  beforeDeadline: [...DEFAULT_REMINDER_CONFIG.beforeDeadline],
  afterDeadline: [...DEFAULT_REMINDER_CONFIG.afterDeadline],
  ...change,
});

describe('reminderSummary', () => {
  it('says the defaults in plain Swedish', () => {
    expect(reminderSummary(DEFAULT_REMINDER_CONFIG)).toBe(
      '5 och 1 arbetsdagar före sista dag, på sista dagen kl. 08.00, 1 och 3 arbetsdagar efter (till granskare och nämndsekreterare), granskare påminns efter 3 arbetsdagar.',
    );
  });

  it('says one working day in the singular, and what is switched off', () => {
    expect(reminderSummary(config({ beforeDeadline: [1], onDeadline: false, afterDeadline: [], reviewNudgeAfter: null, hour: 14 }))).toBe(
      '1 arbetsdag före sista dag, ingen på sista dagen (påminnelserna går ut kl. 14.00), inga efter sista dag, granskare påminns inte om inlämnade avsnitt.',
    );
    expect(reminderSummary(config({ beforeDeadline: [] }))).toMatch(/^Inga påminnelser före sista dag, /);
    expect(reminderSummary(config({ beforeDeadline: [10, 5, 1], reviewNudgeAfter: 1 }))).toMatch(
      /^10, 5 och 1 arbetsdagar före .* granskare påminns efter 1 arbetsdag\.$/,
    );
  });

  it('lists and hours', () => {
    expect(listText([])).toBe('');
    expect(listText([3])).toBe('3');
    expect(listText([3, 1])).toBe('3 och 1');
    expect(hourText(6)).toBe('kl. 06.00');
    expect(REMINDER_HOURS[0]).toBe(6);
    expect(REMINDER_HOURS[REMINDER_HOURS.length - 1]).toBe(18);
  });
});

describe('the reminder form', () => {
  it('round-trips the settings in force', () => {
    const form = reminderForm(DEFAULT_REMINDER_CONFIG);
    expect(form).toEqual({ beforeDeadline: '5, 1', onDeadline: true, afterDeadline: '1, 3', hour: 8, reviewNudgeAfter: '3' });
    const check = checkReminderForm(form);
    expect(check.ok && sameReminderConfig(check.config, DEFAULT_REMINDER_CONFIG)).toBe(true);
    expect(reminderForm(config({ reviewNudgeAfter: null })).reviewNudgeAfter).toBe('');
  });

  it('parses comma-separated offsets, keeping nonsense for the check to name', () => {
    expect(parseOffsets('3, 1')).toEqual([3, 1]);
    expect(parseOffsets(' 3 ,, 1 ,')).toEqual([3, 1]);
    expect(parseOffsets('')).toEqual([]);
    expect(parseOffsets('-2')).toEqual([-2]);
    expect(parseOffsets('1.5; två')).toEqual([1.5, 'två']);
  });

  it('empty nudge is off; the hour is a number', () => {
    expect(reminderInput({ beforeDeadline: '1', onDeadline: false, afterDeadline: '', hour: 9, reviewNudgeAfter: ' ' })).toEqual({
      beforeDeadline: [1],
      onDeadline: false,
      afterDeadline: [],
      reviewNudgeAfter: null,
      hour: 9,
    });
  });

  it('gives the same Swedish messages as the server', () => {
    const form = { ...reminderForm(DEFAULT_REMINDER_CONFIG), beforeDeadline: '-2', reviewNudgeAfter: 'x' };
    const check = checkReminderForm(form);
    expect(check.ok).toBe(false);
    const server = checkReminderConfig({ ...DEFAULT_REMINDER_CONFIG, beforeDeadline: [-2], reviewNudgeAfter: 'x' });
    expect(check).toEqual(server);
    expect(!check.ok && check.errors[0]).toBe(
      'Påminnelser före sista dagen: -2 är negativt; ange antal arbetsdagar före sista dagen som ett positivt tal.',
    );
  });

  it('sorts the offsets as they go out', () => {
    const check = checkReminderForm({ ...reminderForm(DEFAULT_REMINDER_CONFIG), beforeDeadline: '1, 3', afterDeadline: '5,2' });
    expect(check.ok && [check.config.beforeDeadline, check.config.afterDeadline]).toEqual([
      [3, 1],
      [2, 5],
    ]);
  });

  it('knows the defaults', () => {
    expect(isDefaultReminderConfig(config())).toBe(true);
    expect(isDefaultReminderConfig(config({ hour: 9 }))).toBe(false);
    expect(sameReminderConfig(config({ beforeDeadline: [3, 1] }), config())).toBe(false);
  });
});

describe('reminderPreview', () => {
  it('gives weekday and date in Swedish', () => {
    expect(longDateText('2041-09-10')).toBe('tisdag 10 september 2041');
  });

  it('moves reminders before Easter and names the days off', () => {
    // Deadline Tuesday 7 April 2026: långfredagen 3 April and annandag påsk 6 April are not working days.
    const rows = reminderPreview('2026-04-07', DEFAULT_REMINDER_CONFIG, '2026-01-01');
    expect(rows.map((r) => [r.date, r.kind])).toEqual([
      ['2026-03-27', 'before'],
      ['2026-04-02', 'before'],
      ['2026-04-07', 'due'],
      ['2026-04-08', 'late'],
      ['2026-04-10', 'late'],
    ]);
    expect(rows[1]).toEqual({
      kind: 'before',
      date: '2026-04-02',
      when: 'torsdag 2 april 2026 kl. 08.00',
      what: '1 arbetsdag före sista dag',
      to: 'Enheten',
      past: false,
    });
    expect(rows[3].to).toBe('Enheten, granskare och nämndsekreterare');
    expect(holidaysSkipped(rows, '2026-04-07')).toEqual(['långfredagen fredag 3 april 2026', 'annandag påsk måndag 6 april 2026']);
  });

  it('follows the settings and marks what has passed', () => {
    const rows = reminderPreview('2041-09-10', config({ beforeDeadline: [3, 1], afterDeadline: [], onDeadline: false, hour: 13 }), '2041-09-06');
    expect(rows.map((r) => [r.date, r.past])).toEqual([
      ['2041-09-05', true],
      ['2041-09-09', false],
    ]);
    expect(rows[0].when).toBe('torsdag 5 september 2041 kl. 13.00');
    expect(reminderPreview('nonsense', DEFAULT_REMINDER_CONFIG, '2041-01-01')).toEqual([]);
  });
});

describe('reminderSaveErrors', () => {
  it('lists the details of a 400', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, code: 'invalid', message: 'Uppgifterna är ofullständiga.', details: ['Påminnelser efter sista dagen: 0 …'] },
    });
    expect(reminderSaveErrors(error)).toEqual(['Uppgifterna är ofullständiga.', 'Påminnelser efter sista dagen: 0 …']);
  });

  it('says clearly that the cycle changed on a 409', () => {
    const error = new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'stale', message: 'Stale' } });
    expect(reminderSaveErrors(error)[0]).toMatch(/^Någon annan har ändrat rapportcykeln/);
  });

  it('falls back to the general message', () => {
    expect(reminderSaveErrors(new HttpErrorResponse({ status: 0 }))).toEqual([
      'Kunde inte nå servern. Kontrollera anslutningen och försök igen.',
    ]);
  });
});
