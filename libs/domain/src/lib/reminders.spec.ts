import {
  checkReminderConfig,
  DEFAULT_REMINDER_CONFIG,
  digestJobId,
  isReminderDelivery,
  lastDigestAt,
  nextDigestAt,
  plannedReminders,
  ReminderConfig,
  reminderJobId,
  ReminderTask,
  stockholmInstant,
} from './reminders';

/** kind/offset → dueDate, and the instants, for short expectations. */
function dates(reminders: ReturnType<typeof plannedReminders>): string[] {
  return reminders.map((r) => `${r.kind}${r.kind === 'due' ? '' : ` ${r.offset}`}: ${r.dueDate}`);
}

const task = (deadline: string, extra: Partial<ReminderTask> = {}): ReminderTask => ({
  id: 'task-1',
  deadline,
  state: 'draft',
  ...extra,
});

describe('Stockholm instants', () => {
  it('puts 08:00 Stockholm at 07:00Z in winter and 06:00Z in summer', () => {
    expect(stockholmInstant('2026-03-27', 8)).toBe('2026-03-27T07:00:00.000Z');
    expect(stockholmInstant('2026-03-30', 8)).toBe('2026-03-30T06:00:00.000Z');
    expect(stockholmInstant('2026-10-23', 8)).toBe('2026-10-23T06:00:00.000Z');
    expect(stockholmInstant('2026-10-26', 8)).toBe('2026-10-26T07:00:00.000Z');
    expect(stockholmInstant('2026-03-29', 8)).toBe('2026-03-29T06:00:00.000Z'); // the change-over day
    expect(stockholmInstant('2026-10-25', 8)).toBe('2026-10-25T07:00:00.000Z');
    expect(stockholmInstant('2026-06-19', 17, 30)).toBe('2026-06-19T15:30:00.000Z');
  });

  it('handles the night the clocks change and refuses nonsense', () => {
    expect(stockholmInstant('2026-03-29', 1)).toBe('2026-03-29T00:00:00.000Z');
    expect(stockholmInstant('2026-03-29', 3)).toBe('2026-03-29T01:00:00.000Z');
    expect(stockholmInstant('2026-03-29', 2, 30)).toBe('2026-03-29T01:30:00.000Z'); // 02:30 does not exist
    expect(stockholmInstant('2026-10-25', 4)).toBe('2026-10-25T03:00:00.000Z');
    expect(() => stockholmInstant('2026-02-30', 8)).toThrow(RangeError);
    expect(() => stockholmInstant('2026-03-29', 24)).toThrow(RangeError);
  });
});

describe('planned reminders', () => {
  it('counts working days across a weekend', () => {
    // Deadline Friday 13 March 2026.
    const reminders = plannedReminders(task('2026-03-13'));
    expect(dates(reminders)).toEqual([
      'before 5: 2026-03-06',
      'before 1: 2026-03-12',
      'due: 2026-03-13',
      'late 1: 2026-03-16',
      'late 3: 2026-03-18',
    ]);
    expect(reminders.map((r) => r.dueAt)).toEqual([
      '2026-03-06T07:00:00.000Z',
      '2026-03-12T07:00:00.000Z',
      '2026-03-13T07:00:00.000Z',
      '2026-03-16T07:00:00.000Z',
      '2026-03-18T07:00:00.000Z',
    ]);
    expect(reminders.map((r) => r.recipients)).toEqual([
      'writer',
      'writer',
      'writer',
      'writer+reviewer+secretary',
      'writer+reviewer+secretary',
    ]);
  });

  it('skips Easter and moves to summer time on the way (deadline the Tuesday after annandag påsk)', () => {
    const reminders = plannedReminders(task('2026-04-07'));
    expect(dates(reminders)).toEqual([
      'before 5: 2026-03-27',
      'before 1: 2026-04-02', // the Thursday before långfredagen
      'due: 2026-04-07',
      'late 1: 2026-04-08',
      'late 3: 2026-04-10',
    ]);
    expect(reminders[0].dueAt).toBe('2026-03-27T07:00:00.000Z'); // still winter time
    expect(reminders[1].dueAt).toBe('2026-04-02T06:00:00.000Z'); // summer time since 29 March
  });

  it('meets a deadline on a Saturday on the Friday before, and counts late from the Saturday', () => {
    expect(dates(plannedReminders(task('2026-03-14')))).toEqual([
      'before 5: 2026-03-06',
      'before 1: 2026-03-12',
      'due: 2026-03-13',
      'late 1: 2026-03-16',
      'late 3: 2026-03-18',
    ]);
  });

  it('treats a deadline on a holiday the same way (långfredagen)', () => {
    expect(dates(plannedReminders(task('2026-04-03')))).toEqual([
      'before 5: 2026-03-26',
      'before 1: 2026-04-01',
      'due: 2026-04-02',
      'late 1: 2026-04-07',
      'late 3: 2026-04-09',
    ]);
  });

  it('skips midsommarafton', () => {
    expect(dates(plannedReminders(task('2026-06-22')))).toEqual([
      'before 5: 2026-06-12',
      'before 1: 2026-06-18',
      'due: 2026-06-22',
      'late 1: 2026-06-23',
      'late 3: 2026-06-25',
    ]);
    expect(dates(plannedReminders(task('2026-06-19')))).toEqual([
      'before 5: 2026-06-11',
      'before 1: 2026-06-17',
      'due: 2026-06-18',
      'late 1: 2026-06-22',
      'late 3: 2026-06-24',
    ]);
  });

  it('follows the autumn clock change', () => {
    // Deadline Monday 26 October 2026, the day after summer time ends.
    const reminders = plannedReminders(task('2026-10-26'));
    expect(reminders.map((r) => `${r.kind}: ${r.dueAt}`)).toEqual([
      'before: 2026-10-19T06:00:00.000Z',
      'before: 2026-10-23T06:00:00.000Z',
      'due: 2026-10-26T07:00:00.000Z',
      'late: 2026-10-27T07:00:00.000Z',
      'late: 2026-10-29T07:00:00.000Z',
    ]);
  });

  it('reminds in every state where the unit holds the pen', () => {
    for (const state of ['not_started', 'draft', 'returned', 'reopened'] as const) {
      expect(plannedReminders(task('2026-03-13', { state }))).toHaveLength(5);
    }
  });

  it('gives a submitted task only the nudge to the reviewer, counted from its Stockholm date', () => {
    // Submitted Thursday 12 March 2026 at 16:30 Stockholm time.
    const submitted = task('2026-03-13', { state: 'submitted', submittedAt: '2026-03-12T15:30:00Z' });
    expect(plannedReminders(submitted)).toEqual([
      {
        kind: 'review_nudge',
        offset: 3,
        dueDate: '2026-03-17',
        dueAt: '2026-03-17T07:00:00.000Z',
        recipients: 'reviewer',
        jobId: 'reminder|task-1|review_nudge|3|2026-03-17T07-00-00.000Z',
      },
    ]);
    // 23:30Z on the 12th is already Friday the 13th in Stockholm.
    expect(dates(plannedReminders({ ...submitted, submittedAt: '2026-03-12T23:30:00Z' }))).toEqual(['review_nudge 3: 2026-03-18']);
    // Submitted on a Saturday: three working days are Monday, Tuesday, Wednesday.
    expect(dates(plannedReminders({ ...submitted, submittedAt: '2026-03-14T10:00:00Z' }))).toEqual(['review_nudge 3: 2026-03-18']);
    expect(plannedReminders({ ...submitted, submittedAt: undefined })).toEqual([]);
    expect(plannedReminders(submitted, { ...DEFAULT_REMINDER_CONFIG, reviewNudgeAfter: null })).toEqual([]);
    expect(() => plannedReminders({ ...submitted, submittedAt: 'yesterday' })).toThrow(RangeError);
  });

  it('gives an approved task nothing', () => {
    expect(plannedReminders(task('2026-03-13', { state: 'approved', submittedAt: '2026-03-12T15:30:00Z' }))).toEqual([]);
  });

  it('follows the configuration', () => {
    const config: ReminderConfig = { beforeDeadline: [2], onDeadline: false, afterDeadline: [], reviewNudgeAfter: 3, hour: 9 };
    expect(plannedReminders(task('2026-03-13'), config).map((r) => `${r.kind} ${r.offset}: ${r.dueAt}`)).toEqual([
      'before 2: 2026-03-11T08:00:00.000Z',
    ]);
  });

  it('keeps past reminders unless asked to drop them', () => {
    const now = new Date('2026-04-02T06:00:00Z'); // 08:00 on the Thursday before Easter
    expect(plannedReminders(task('2026-04-07'), DEFAULT_REMINDER_CONFIG, { now })).toHaveLength(5);
    expect(dates(plannedReminders(task('2026-04-07'), DEFAULT_REMINDER_CONFIG, { now, dropPast: true }))).toEqual([
      'before 1: 2026-04-02', // due this very instant: still pending
      'due: 2026-04-07',
      'late 1: 2026-04-08',
      'late 3: 2026-04-10',
    ]);
    expect(plannedReminders(task('2020-03-13'), DEFAULT_REMINDER_CONFIG, { dropPast: true })).toEqual([]);
  });

  it('refuses a task without a valid deadline', () => {
    expect(() => plannedReminders(task('2026-13-01'))).toThrow(RangeError);
  });

  describe('a deadline moved into the past', () => {
    // Deadline Monday 2 March 2026, moved there on Wednesday 18 March at 14.00 Stockholm time.
    const movedAt = '2026-03-18T13:00:00.000Z';
    const moved = task('2026-03-02', { deadlineSetAt: movedAt });

    it('plans nothing ahead without knowing when it was moved (the old behaviour)', () => {
      expect(plannedReminders(task('2026-03-02'), DEFAULT_REMINDER_CONFIG, { dropPast: true, now: new Date(movedAt) })).toEqual([]);
    });

    it('counts the late reminders from the day it was moved: the first on the next working day, none at once', () => {
      const ahead = plannedReminders(moved, DEFAULT_REMINDER_CONFIG, { dropPast: true, now: new Date(movedAt) });
      expect(dates(ahead)).toEqual(['late 1: 2026-03-19', 'late 3: 2026-03-23']);
      expect(ahead[0].dueAt).toBe('2026-03-19T07:00:00.000Z');
      expect(ahead[0].recipients).toBe('writer+reviewer+secretary');
      // The before and due reminders stay in the whole plan, all behind the present: never sent.
      expect(dates(plannedReminders(moved))).toEqual([
        'before 5: 2026-02-23',
        'before 1: 2026-02-27',
        'due: 2026-03-02',
        'late 1: 2026-03-19',
        'late 3: 2026-03-23',
      ]);
    });

    it('moved on a Friday, the first late reminder goes out on Monday', () => {
      const friday = task('2026-03-02', { deadlineSetAt: '2026-03-20T09:00:00.000Z' });
      expect(dates(plannedReminders(friday, DEFAULT_REMINDER_CONFIG, { dropPast: true, now: new Date('2026-03-20T09:00:00.000Z') }))).toEqual([
        'late 1: 2026-03-23',
        'late 3: 2026-03-25',
      ]);
    });

    it('leaves a deadline set ahead of time (or on the day itself) counted from the deadline', () => {
      expect(dates(plannedReminders(task('2026-03-13', { deadlineSetAt: '2026-03-01T10:00:00.000Z' })))).toEqual(
        dates(plannedReminders(task('2026-03-13'))),
      );
      expect(dates(plannedReminders(task('2026-03-13', { deadlineSetAt: '2026-03-13T10:00:00.000Z' })))).toEqual(
        dates(plannedReminders(task('2026-03-13'))),
      );
      expect(() => plannedReminders(task('2026-03-13', { deadlineSetAt: 'igår' }))).toThrow(RangeError);
    });
  });
});

describe('reminder job ids', () => {
  it('are built from the data, without a colon, and differ per reminder', () => {
    expect(reminderJobId('task-1', 'before', 5, '2026-03-27T07:00:00.000Z')).toBe('reminder|task-1|before|5|2026-03-27T07-00-00.000Z');
    const reminders = plannedReminders(task('2026-04-07'));
    const ids = reminders.map((r) => r.jobId);
    expect(ids.every((id) => !id.includes(':') && !/^\d+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(plannedReminders(task('2026-04-07')).map((r) => r.jobId)).toEqual(ids);
    // Moving the deadline moves the instants and so the ids.
    expect(plannedReminders(task('2026-04-08')).map((r) => r.jobId).filter((id) => ids.includes(id))).toEqual([]);
  });
});

describe('reminder configuration', () => {
  it('fills in the defaults and sorts the offsets in the order they go out', () => {
    expect(checkReminderConfig(undefined)).toEqual({
      ok: true,
      config: { beforeDeadline: [5, 1], onDeadline: true, afterDeadline: [1, 3], reviewNudgeAfter: 3, hour: 8 },
    });
    expect(checkReminderConfig({ beforeDeadline: [1, 10, 3], afterDeadline: [5, 2], hour: 7, reviewNudgeAfter: null })).toEqual({
      ok: true,
      config: { beforeDeadline: [10, 3, 1], onDeadline: true, afterDeadline: [2, 5], reviewNudgeAfter: null, hour: 7 },
    });
    expect(checkReminderConfig({ beforeDeadline: [], onDeadline: false, afterDeadline: [] })).toMatchObject({ ok: true });
  });

  it('does not hand out the shared default', () => {
    const check = checkReminderConfig({});
    if (!check.ok) throw new Error('expected a clean config');
    expect(check.config.beforeDeadline).not.toBe(DEFAULT_REMINDER_CONFIG.beforeDeadline);
  });

  it('says in Swedish what is wrong with nonsense offsets', () => {
    expect(checkReminderConfig({ beforeDeadline: [-1, 2.5, 61, 0, 2, 2, '3'] })).toEqual({
      ok: false,
      errors: [
        'Påminnelser före sista dagen: -1 är negativt; ange antal arbetsdagar före sista dagen som ett positivt tal.',
        'Påminnelser före sista dagen: "2.5" är inte ett helt antal arbetsdagar.',
        'Påminnelser före sista dagen: 61 arbetsdagar är för långt; högst 60.',
        'Påminnelser före sista dagen: 0 arbetsdagar är sista dagen själv; den påminnelsen slås på separat.',
        'Påminnelser före sista dagen: 2 arbetsdagar förekommer två gånger.',
        'Påminnelser före sista dagen: "3" är inte ett helt antal arbetsdagar.',
      ],
    });
    expect(checkReminderConfig({ afterDeadline: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] })).toEqual({
      ok: false,
      errors: ['Påminnelser efter sista dagen: högst 10 påminnelser, inte 11.'],
    });
    expect(checkReminderConfig({ afterDeadline: 3 })).toEqual({
      ok: false,
      errors: ['Påminnelser efter sista dagen måste vara en lista med antal arbetsdagar.'],
    });
  });

  it('says what is wrong with the hour, the nudge, the switch and the shape', () => {
    expect(checkReminderConfig({ hour: 5 })).toEqual({
      ok: false,
      errors: ['Klockslag för påminnelser måste vara en hel timme från 6 till 18, inte "5".'],
    });
    expect(checkReminderConfig({ hour: 19 })).toMatchObject({ ok: false });
    expect(checkReminderConfig({ hour: 8.5 })).toMatchObject({ ok: false });
    expect(checkReminderConfig({ reviewNudgeAfter: 0, onDeadline: 'ja', extra: 1 })).toEqual({
      ok: false,
      errors: [
        'Okänd inställning för påminnelser: "extra".',
        'Påminnelse på sista dagen måste vara på eller av.',
        'Påminnelse om granskning måste ges i hela arbetsdagar från 1 till 60 (eller stängas av), inte "0".',
      ],
    });
    expect(checkReminderConfig([5, 1])).toEqual({ ok: false, errors: ['Inställningarna för påminnelser har fel format.'] });
    expect(checkReminderConfig('5,1')).toMatchObject({ ok: false });
  });
});

describe('the daily digest', () => {
  it('goes out at 08.15 Stockholm time, the same working day when that is still ahead', () => {
    // Tuesday 3 March 2026, 07.00 Stockholm (winter: UTC+1).
    expect(nextDigestAt(Date.parse('2026-03-03T06:00:00Z'))).toBe('2026-03-03T07:15:00.000Z');
    // Exactly at the digest instant: the next one (strictly later).
    expect(nextDigestAt(Date.parse('2026-03-03T07:15:00Z'))).toBe('2026-03-04T07:15:00.000Z');
  });

  it('skips the weekend and public holidays', () => {
    // Thursday 2 April 2026 at noon → Good Friday 3 April, the weekend and Easter Monday 6 April are off → Tuesday 7 April (summer time: UTC+2).
    expect(nextDigestAt(new Date('2026-04-02T10:00:00Z'))).toBe('2026-04-07T06:15:00.000Z');
    // Friday 19 June 2026 is midsummer eve (off): Thursday evening → Monday 22 June.
    expect(nextDigestAt(new Date('2026-06-18T18:00:00Z'))).toBe('2026-06-22T06:15:00.000Z');
    // New Year's Eve and Day are off, Friday 2 January 2026 is a working day.
    expect(nextDigestAt(new Date('2025-12-30T12:00:00Z'))).toBe('2026-01-02T07:15:00.000Z');
  });

  it('knows the last digest that should have gone out', () => {
    // Monday 6 April 2026 (Easter Monday) at noon → Thursday 2 April 08.15 (summer time).
    expect(lastDigestAt(new Date('2026-04-06T10:00:00Z'))).toBe('2026-04-02T06:15:00.000Z');
    // Exactly at the instant: that one.
    expect(lastDigestAt(Date.parse('2026-04-07T06:15:00Z'))).toBe('2026-04-07T06:15:00.000Z');
  });

  it('has a job id built from its instant, without colons', () => {
    expect(digestJobId('2026-04-07T06:15:00.000Z')).toBe('digest|2026-04-07T06-15-00.000Z');
  });

  it('knows the two ways of delivery and nothing else', () => {
    expect(isReminderDelivery('immediate')).toBe(true);
    expect(isReminderDelivery('daily_digest')).toBe(true);
    expect(isReminderDelivery('weekly')).toBe(false);
    expect(isReminderDelivery(undefined)).toBe(false);
  });
});
