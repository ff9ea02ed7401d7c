import { checkCycleDates, daysLate, daysLateLabel, isIsoDate, matchesFilter, progressOf, responsibleUnits, swedishToday } from './cycle';
import { reviewsTask, taskActionsHeld, writesTask } from './workflow';

describe('cycle dates', () => {
  const good = {
    periodEnd: '2021-08-31',
    submissionDeadline: '2021-09-10',
    reviewDeadline: '2021-09-17',
    assemblyDeadline: '2021-09-24',
    meetingDate: '2021-10-05',
  };

  it('accepts dates in the order the work happens', () => {
    expect(checkCycleDates(good)).toEqual([]);
    expect(checkCycleDates({ ...good, assemblyDeadline: good.reviewDeadline })).toEqual([]);
  });

  it('names each date that is missing, impossible or out of order', () => {
    expect(checkCycleDates({ ...good, periodEnd: '2021-02-30' })).toEqual(['Periodens slut måste vara ett datum (ÅÅÅÅ-MM-DD).']);
    expect(checkCycleDates({ ...good, submissionDeadline: '2021-08-31' })).toEqual([
      'Sista dag för enheternas inlämning (2021-08-31) måste infalla efter periodens slut (2021-08-31).',
    ]);
    expect(checkCycleDates({ ...good, meetingDate: '2021-09-01' })).toHaveLength(1);
  });

  it('knows a real calendar date and Stockholm’s today', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm
    expect(swedishToday(new Date('2021-12-31T23:30:00Z'))).toBe('2022-01-01');
  });
});

describe('who delivers a section', () => {
  const units = [
    { id: 'sf', parentId: null, active: true },
    { id: 'sov', parentId: 'sf', active: true },
    { id: 'vux', parentId: 'sov', active: true },
    { id: 'arb', parentId: 'sov', active: true },
    { id: 'old', parentId: 'sov', active: false },
    { id: 'fl', parentId: 'sf', active: true },
  ];

  it('gives all units: every active unit without active units below it', () => {
    expect(responsibleUnits('all_units', [], units)).toEqual(['vux', 'arb', 'fl']);
  });

  it('gives one nämnd-level task, or the chosen units that are still active', () => {
    expect(responsibleUnits('committee', [], units)).toEqual([null]);
    expect(responsibleUnits('chosen_units', ['arb', 'old'], units)).toEqual(['arb']);
  });
});

describe('lateness and progress', () => {
  it('counts days late only while the unit holds the pen', () => {
    expect(daysLate({ state: 'draft', deadline: '2021-09-10' }, '2021-09-13')).toBe(3);
    expect(daysLate({ state: 'returned', deadline: '2021-09-10' }, '2021-09-10')).toBe(0);
    expect(daysLate({ state: 'submitted', deadline: '2021-09-10' }, '2021-09-20')).toBe(0);
    expect([0, 1, 5].map(daysLateLabel)).toEqual(['', '1 dag försenad', '5 dagar försenad']);
  });

  it('filters and sums like the overview shows', () => {
    const tasks = [
      { state: 'approved' as const, deadline: '2021-09-10' },
      { state: 'submitted' as const, deadline: '2021-09-10' },
      { state: 'not_started' as const, deadline: '2021-09-10' },
    ];
    expect(progressOf(tasks, '2021-09-11')).toEqual({ total: 3, approved: 1, submitted: 1, late: 1, percent: 33 });
    expect(tasks.filter((t) => matchesFilter(t, 'late', '2021-09-11'))).toEqual([tasks[2]]);
    expect(tasks.filter((t) => matchesFilter(t, 'waiting_for_review', '2021-09-11'))).toEqual([tasks[1]]);
    expect(progressOf([], '2021-09-11').percent).toBe(0);
    expect(progressOf([{ state: 'approved', deadline: '2021-09-10', count: 3 }, { state: 'draft', deadline: '2021-09-10', count: 1 }], '2021-09-11')).toEqual({ total: 4, approved: 3, submitted: 0, late: 1, percent: 75 });
  });
});

describe('who holds the pen and who reviews', () => {
  const unitTask = { committeeId: 'c1', unitPath: ['sf', 'sov', 'vux'] };
  const committeeTask = { committeeId: 'c1', unitPath: [] };

  it('lets a unit head write their units’ tasks, and a secretary only the nämnd-level ones', () => {
    const head = { role: 'unit_head' as const, committeeId: 'c1', unitId: 'sov' };
    const secretary = { role: 'secretary' as const, committeeId: 'c1', unitId: null };
    expect(writesTask(head, unitTask)).toBe(true);
    expect(writesTask(head, committeeTask)).toBe(false);
    expect(writesTask(secretary, unitTask)).toBe(false);
    expect(writesTask(secretary, committeeTask)).toBe(true);
    expect(writesTask({ ...secretary, committeeId: 'c2' }, committeeTask)).toBe(false);
  });

  it('lets only the section’s reviewer role review', () => {
    const economist = { role: 'economist' as const, committeeId: 'c1', unitId: null };
    expect(reviewsTask(economist, unitTask, 'economist')).toBe(true);
    expect(reviewsTask(economist, unitTask, 'reviewer')).toBe(false);
    expect(taskActionsHeld([economist], unitTask, 'economist')).toEqual(['task.read', 'task.review', 'task.reopen']);
    expect(taskActionsHeld([economist], unitTask, 'director')).toEqual(['task.read', 'task.reopen']);
  });
});
