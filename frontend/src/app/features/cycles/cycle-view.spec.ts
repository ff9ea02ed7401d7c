import type { CycleOverviewDto, CycleSummaryDto } from '@rapportflode/api-contract';
import {
  abbreviate,
  buildMatrix,
  layoutOverview,
  checkCycleChange,
  checkNewCycle,
  cycleChangeForm,
  DIARY_NUMBER_MESSAGE,
  emptyFilterText,
  frozenText,
  isOverviewFilter,
  NewCycleForm,
  periodText,
  progressText,
} from './cycle-view';

const progress = (approved: number, total: number) => ({
  total,
  approved,
  submitted: 0,
  late: 0,
  percent: total === 0 ? 0 : Math.floor((approved * 100) / total),
});

const cycle: CycleSummaryDto = {
  id: 'c1',
  committeeId: 'gnesta',
  committeeName: 'Socialnämnden',
  templateId: 't1',
  title: 'Delårsrapport 2021',
  reportKind: 'interim_report',
  year: 2021,
  period: 'T2',
  diaryNumber: 'SN.2021.73',
  version: 3,
  createdAt: '2021-08-01T08:00:00Z',
  progress: progress(7, 12),
  periodEnd: '2021-08-31',
  submissionDeadline: '2021-09-10',
  reviewDeadline: '2021-09-17',
  assemblyDeadline: '2021-09-24',
  meetingDate: '2021-10-06',
  reminderConfig: { beforeDeadline: [5, 1], onDeadline: true, afterDeadline: [1, 3], reviewNudgeAfter: 3, hour: 8 },
  frozenVersion: null,
};

const form = (change: Partial<NewCycleForm> = {}): NewCycleForm => ({
  templateId: 't1',
  year: '2021',
  diaryNumber: 'SN.2021.73',
  title: '',
  periodEnd: '2021-08-31',
  submissionDeadline: '2021-09-10',
  reviewDeadline: '2021-09-17',
  assemblyDeadline: '2021-09-24',
  meetingDate: '2021-10-06',
  ...change,
});

describe('texts of the cycle pages', () => {
  it('tells progress as approved of all, with the share', () => {
    expect(progressText(progress(7, 12))).toBe('7 av 12 godkända (58\u00a0%)');
    expect(progressText(progress(0, 0))).toBe('Inga uppgifter');
  });

  it('names the period in Swedish', () => {
    expect(periodText(cycle)).toBe('T2 2021');
  });

  it('says whether the report is fastställd, and as which version', () => {
    expect(frozenText(cycle)).toBe('Ej fastställd');
    expect(frozenText({ frozenVersion: { number: 2, frozenAt: '2021-09-20T08:00:00.000Z' } })).toBe('Fastställd (version 2)');
  });

  it('abbreviates long section titles at a word', () => {
    expect(abbreviate('Sjukfrånvaro', 20)).toBe('Sjukfrånvaro');
    expect(abbreviate('Styrning och uppföljning av den kommunala verksamheten', 25)).toBe('Styrning och uppföljning…');
    expect(abbreviate('Styrning och uppföljning av den kommunala verksamheten', 24)).toBe('Styrning och…');
    expect(abbreviate('Verksamhetsuppföljningsrapportering', 12)).toBe('Verksamhets…');
  });

  it('says in a sentence that nothing matches a filter', () => {
    expect(emptyFilterText('late')).toBe('Inga avsnitt är försenade just nu.');
    expect(emptyFilterText('waiting_for_review')).toBe('Inga avsnitt väntar på granskning just nu.');
    expect(emptyFilterText('returned')).toBe('Inga avsnitt är återremitterade just nu.');
  });

  it('knows the filters', () => {
    expect(isOverviewFilter('late')).toBe(true);
    expect(isOverviewFilter('everything')).toBe(false);
    expect(isOverviewFilter(undefined)).toBe(false);
  });
});

describe('the overview matrix', () => {
  const overview: Pick<CycleOverviewDto, 'units' | 'sections' | 'tasks' | 'filter'> = {
    filter: 'all',
    sections: [
      { id: 's1', key: 'inledning', number: '1', depth: 1, title: 'Inledning', kind: 'narrative', reviewerRole: 'economist' },
      { id: 's2', key: 'handelser', number: '2', depth: 1, title: 'Händelser', kind: 'narrative', reviewerRole: 'economist' },
    ],
    units: [
      { id: null, name: 'Socialnämnden', path: '', progress: progress(0, 1) },
      { id: 'u1', name: 'Vuxenutbildning', path: 'Socialförvaltningen / Stöd och vägledning', progress: progress(0, 1) },
      { id: 'u2', name: 'Omsorgsenheten', path: 'Socialförvaltningen', progress: progress(0, 1) },
    ],
    tasks: [
      { id: 't1', sectionId: 's1', unitId: null, state: 'not_started', deadline: '2021-09-10', daysLate: 0, reviewers: [] },
      { id: 't2', sectionId: 's2', unitId: 'u1', state: 'returned', deadline: '2021-09-10', daysLate: 3, reviewers: ['Per Ström'] },
      { id: 't3', sectionId: 's2', unitId: 'u2', state: 'submitted', deadline: '2021-09-10', daysLate: 0, reviewers: [] },
    ],
  };

  it('puts each task in its unit row and section column; the rest are empty', () => {
    const rows = buildMatrix(overview);
    expect(rows.map((r) => r.key)).toEqual(['committee', 'u1', 'u2']);
    expect(rows.map((r) => r.cells.map((c) => c.task?.id ?? '–'))).toEqual([
      ['t1', '–'],
      ['–', 't2'],
      ['–', 't3'],
    ]);
  });

  it('lists the nämnd level on its own and keeps as unit columns only the sections a unit delivers', () => {
    const layout = layoutOverview(buildMatrix(overview));
    expect(layout.committee?.cells.map((c) => c.task?.id)).toEqual(['t1']);
    expect(layout.unitSections.map((s) => s.id)).toEqual(['s2']);
    expect(layout.unitRows.map((r) => [r.key, ...r.cells.map((c) => c.task?.id ?? '–')])).toEqual([
      ['u1', 't2'],
      ['u2', 't3'],
    ]);
    // Nothing at the nämnd level in the filter: no list for it.
    const late = layoutOverview(buildMatrix({ ...overview, filter: 'late', tasks: [overview.tasks[1]] }));
    expect(late.committee).toBeNull();
    expect(late.unitRows.map((r) => r.key)).toEqual(['u1']);
  });

  it('with a filter keeps only the units that have a matching task', () => {
    const rows = buildMatrix({ ...overview, filter: 'late', tasks: [overview.tasks[1]] });
    expect(rows.map((r) => r.key)).toEqual(['u1']);
    expect(buildMatrix({ ...overview, filter: 'returned', tasks: [] })).toEqual([]);
  });
});

describe('opening a cycle', () => {
  it('sends the form when it is right, without an empty title', () => {
    const checked = checkNewCycle(form({ diaryNumber: ' SN 2019/1703 ' }));
    expect(checked).toEqual({
      ok: true,
      request: {
        templateId: 't1',
        year: 2021,
        diaryNumber: 'SN 2019/1703',
        periodEnd: '2021-08-31',
        submissionDeadline: '2021-09-10',
        reviewDeadline: '2021-09-17',
        assemblyDeadline: '2021-09-24',
        meetingDate: '2021-10-06',
      },
    });
    const titled = checkNewCycle(form({ title: ' Delårsrapport per augusti ' }));
    expect(titled.ok && titled.request.title).toBe('Delårsrapport per augusti');
  });

  it('lists everything wrong, with the dates checked as the server checks them', () => {
    const checked = checkNewCycle(
      form({ templateId: '', year: '21', diaryNumber: '', submissionDeadline: '2021-08-20' }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual([
      'Välj vilken mall rapportcykeln ska följa.',
      'Året ska vara ett årtal, t.ex. 2021.',
      DIARY_NUMBER_MESSAGE,
      'Sista dag för enheternas inlämning (2021-08-20) måste infalla efter periodens slut (2021-08-31).',
    ]);
    const empty = checkNewCycle(form({ meetingDate: '', diaryNumber: ' ' }));
    expect(!empty.ok && empty.errors).toEqual([DIARY_NUMBER_MESSAGE, 'Nämndens sammanträde måste vara ett datum (ÅÅÅÅ-MM-DD).']);
    // The example is the nämnd's own (diaryNumberExample), never another municipality's.
    const gnesta = checkNewCycle(form({ diaryNumber: '', diaryExample: 'SN 2021/1703' }));
    expect(!gnesta.ok && gnesta.errors).toEqual(['Ange diarienummer, t.ex. SN 2021/1703.']);
    const year = checkNewCycle(form({ year: '2022' }));
    expect(!year.ok && year.errors).toEqual(['Periodens slut (2021-08-31) ligger inte år 2022.']);
  });
});

describe('changing a cycle', () => {
  it('sends only what changed, with the version read', () => {
    const checked = checkCycleChange(cycle, { ...cycleChangeForm(cycle), meetingDate: '2021-10-13' });
    expect(checked).toEqual({ ok: true, changed: true, request: { version: 3, meetingDate: '2021-10-13' } });
    const same = checkCycleChange(cycle, cycleChangeForm(cycle));
    expect(same).toEqual({ ok: true, changed: false, request: { version: 3 } });
    const diary = checkCycleChange(cycle, { ...cycleChangeForm(cycle), diaryNumber: 'SN.2021.74 ' });
    expect(diary.ok && diary.request).toEqual({ version: 3, diaryNumber: 'SN.2021.74' });
  });

  it('refuses dates out of order and a malformed diarienummer', () => {
    const checked = checkCycleChange(cycle, { ...cycleChangeForm(cycle), reviewDeadline: '2021-09-01', diaryNumber: '' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors[0]).toBe(DIARY_NUMBER_MESSAGE);
      expect(checked.errors[1]).toMatch(/^Sista dag för granskning \(2021-09-01\) måste infalla samma dag som eller efter/);
    }
  });
});
