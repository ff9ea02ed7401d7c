import {
  attemptsText,
  jobData,
  jobStateLabel,
  queueLabel,
  recipientsText,
  reminderKindLabel,
  reminderStatusLabel,
  reminderTaskText,
  retryResultText,
} from './operations-view';

describe('the Utskick and Köer pages', () => {
  it('names queue states and queues in Swedish, a new queue by its name', () => {
    expect(jobStateLabel('failed')).toBe('Misslyckade');
    expect(jobStateLabel('delayed')).toBe('Fördröjda');
    expect(queueLabel('system')).toBe('System');
    expect(queueLabel('reminders')).toBe('Påminnelser');
    expect(queueLabel('exports')).toBe('exports');
    expect(queueLabel('toString')).toBe('toString');
  });

  it('says how a job stands and what a retry did', () => {
    expect(attemptsText({ attemptsMade: 2, attempts: 5 })).toBe('2 av 5');
    expect(jobData({ taskId: 't1' })).toBe('{\n  "taskId": "t1"\n}');
    expect(jobData(null)).toBe('–');
    expect(retryResultText('j1', 'waiting')).toBe('Jobbet j1 ligger i kön igen.');
    expect(retryResultText('j1', 'failed')).toBe('Jobbet j1 kördes igen men misslyckades på nytt.');
  });

  it('shortens a long list of recipients', () => {
    expect(recipientsText('a@x.se')).toBe('a@x.se');
    expect(recipientsText('a@x.se, b@x.se, c@x.se')).toBe('a@x.se och 2 till');
    expect(recipientsText('')).toBe('–');
  });

  it('names a reminder that did not go out in Swedish: its kind, status, task and attempts', () => {
    expect(reminderKindLabel('before')).toBe('Före sista dag');
    expect(reminderKindLabel('due')).toBe('På sista dagen');
    expect(reminderKindLabel('late')).toBe('Efter sista dag');
    expect(reminderKindLabel('review_nudge')).toBe('Påminnelse till granskare');
    expect(reminderStatusLabel('failed')).toBe('Misslyckad');
    expect(reminderStatusLabel('retrying')).toBe('Försöker igen');
    const task = { cycleTitle: 'Tertialbokslut 2 2027', sectionNumber: '2.1', sectionTitle: 'Nulägesbeskrivning' };
    expect(reminderTaskText({ ...task, unitName: 'Barn och familj' })).toBe(
      'Tertialbokslut 2 2027, 2.1 Nulägesbeskrivning, Barn och familj',
    );
    expect(reminderTaskText({ ...task, unitName: null })).toBe(
      'Tertialbokslut 2 2027, 2.1 Nulägesbeskrivning, Nämndnivå',
    );
  });
});
