import type {
  CreateCycleRequest,
  CycleDatesDto,
  CycleOverviewDto,
  CycleSectionDto,
  CycleSummaryDto,
  OverviewTaskDto,
  OverviewUnitDto,
  UpdateCycleRequest,
} from '@rapportflode/api-contract';
import {
  checkCycleDates,
  CycleDates,
  formatPercent,
  OVERVIEW_FILTERS,
  OverviewFilter,
  Progress,
} from '@rapportflode/domain';

/** The five dates in the order the work happens (and the forms list them). */
export const CYCLE_DATE_KEYS: ReadonlyArray<keyof CycleDates> = [
  'periodEnd',
  'submissionDeadline',
  'reviewDeadline',
  'assemblyDeadline',
  'meetingDate',
];

/** `7 av 12 godkända (58 %)` */
export function progressText(progress: Progress): string {
  if (progress.total === 0) return 'Inga uppgifter';
  return `${progress.approved} av ${progress.total} godkända (${formatPercent(progress.percent)})`;
}

/** `Fastställd (version 2)`, or `Ej fastställd` while no version of the report is frozen. */
export function frozenText(cycle: Pick<CycleSummaryDto, 'frozenVersion'>): string {
  return cycle.frozenVersion ? `Fastställd (version ${cycle.frozenVersion.number})` : 'Ej fastställd';
}

/** `T2 2021`, `augusti 2021` */
export function periodText(cycle: Pick<CycleSummaryDto, 'period' | 'year'>): string {
  return `${cycle.period} ${cycle.year}`;
}

/** The text cut to `max` characters with an ellipsis; the whole text when it fits. */
export function abbreviate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = text[max - 1] === ' ' ? cut : cut.slice(0, Math.max(0, cut.lastIndexOf(' ')));
  return `${(atWord.length >= max / 2 ? atWord : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** What the matrix says when nothing matches the filter. */
export function emptyFilterText(filter: OverviewFilter): string {
  switch (filter) {
    case 'all':
      return 'Rapportcykeln har inga avsnitt att leverera.';
    case 'late':
      return 'Inga avsnitt är försenade just nu.';
    case 'waiting_for_review':
      return 'Inga avsnitt väntar på granskning just nu.';
    case 'returned':
      return 'Inga avsnitt är återremitterade just nu.';
  }
}

export function isOverviewFilter(value: unknown): value is OverviewFilter {
  return typeof value === 'string' && (OVERVIEW_FILTERS as readonly string[]).includes(value);
}

export interface MatrixCell {
  section: CycleSectionDto;
  /** null: the unit does not deliver the section (or, with a filter, has nothing matching it). */
  task: OverviewTaskDto | null;
}

export interface MatrixRow {
  unit: OverviewUnitDto;
  /** Stable across reloads, for tracking. */
  key: string;
  cells: MatrixCell[];
}

const COMMITTEE_ROW = 'committee';

/**
 * The overview as a matrix: a row per unit (the nämnd-level row has no id), a cell per section.
 * With a filter, only the units with a matching task are kept.
 */
export function buildMatrix(overview: Pick<CycleOverviewDto, 'units' | 'sections' | 'tasks' | 'filter'>): MatrixRow[] {
  const byCell = new Map<string, OverviewTaskDto>();
  for (const task of overview.tasks) byCell.set(`${task.unitId ?? COMMITTEE_ROW}|${task.sectionId}`, task);
  const rows = overview.units.map<MatrixRow>((unit) => {
    const key = unit.id ?? COMMITTEE_ROW;
    return {
      unit,
      key,
      cells: overview.sections.map((section) => ({ section, task: byCell.get(`${key}|${section.id}`) ?? null })),
    };
  });
  return overview.filter === 'all' ? rows : rows.filter((row) => row.cells.some((cell) => cell.task !== null));
}

/** What the form to open a cycle holds: strings, as typed. */
export interface NewCycleForm extends Record<keyof CycleDates, string> {
  templateId: string;
  year: string;
  diaryNumber: string;
  title: string;
  /** The example of a diarienummer in the nämnd's own format (diaryNumberExample). */
  diaryExample?: string;
}

export const DIARY_NUMBER_MESSAGE = 'Ange diarienummer.';

/** A missing diarienummer, with the example in the nämnd's own format when there is one. */
export function checkDiaryNumber(value: string, example?: string): string | null {
  if (value.trim()) return null;
  return example ? `Ange diarienummer, t.ex. ${example}.` : DIARY_NUMBER_MESSAGE;
}

/**
 * Checks the form as the server will (checkCycleDates for the dates): either the request to
 * send or the Swedish messages of everything wrong.
 */
export function checkNewCycle(form: NewCycleForm): { ok: true; request: CreateCycleRequest } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!form.templateId) errors.push('Välj vilken mall rapportcykeln ska följa.');
  const year = Number(form.year);
  if (!/^\d{4}$/.test(form.year.trim()) || year < 2000 || year > 2100) errors.push('Året ska vara ett årtal, t.ex. 2021.');
  const diary = checkDiaryNumber(form.diaryNumber, form.diaryExample);
  if (diary) errors.push(diary);
  errors.push(...checkCycleDates(datesOf(form)));
  if (errors.length === 0 && form.periodEnd.slice(0, 4) !== form.year.trim()) {
    errors.push(`Periodens slut (${form.periodEnd}) ligger inte år ${form.year.trim()}.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  const title = form.title.trim();
  return {
    ok: true,
    request: {
      templateId: form.templateId,
      year,
      diaryNumber: form.diaryNumber.trim(),
      ...(title ? { title } : {}),
      ...datesOf(form),
    },
  };
}

function datesOf(form: Record<keyof CycleDates, string>): CycleDatesDto {
  return {
    periodEnd: form.periodEnd,
    submissionDeadline: form.submissionDeadline,
    reviewDeadline: form.reviewDeadline,
    assemblyDeadline: form.assemblyDeadline,
    meetingDate: form.meetingDate,
  };
}

/** The form to change a cycle's dates and diarienummer. */
export type CycleChangeForm = Record<keyof CycleDates, string> & { diaryNumber: string };

export function cycleChangeForm(cycle: CycleSummaryDto): CycleChangeForm {
  return { ...datesOf(cycle), diaryNumber: cycle.diaryNumber };
}

/**
 * Checks the change (all five dates together, as the server will) and returns only what
 * changed, with the version it started from; `changed: false` when nothing did.
 */
export function checkCycleChange(
  cycle: CycleSummaryDto,
  form: CycleChangeForm,
): { ok: true; changed: boolean; request: UpdateCycleRequest } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const diary = form.diaryNumber.trim() === cycle.diaryNumber ? null : checkDiaryNumber(form.diaryNumber);
  if (diary) errors.push(diary);
  errors.push(...checkCycleDates(datesOf(form)));
  if (errors.length > 0) return { ok: false, errors };
  const request: UpdateCycleRequest = { version: cycle.version };
  for (const key of CYCLE_DATE_KEYS) if (form[key] !== cycle[key]) request[key] = form[key];
  if (form.diaryNumber.trim() !== cycle.diaryNumber) request.diaryNumber = form.diaryNumber.trim();
  return { ok: true, changed: Object.keys(request).length > 1, request };
}

/** Whether two readings of a cycle are the same version (the overview's forms reset only on a new one). */
export function sameVersion(a: CycleSummaryDto | null | undefined, b: CycleSummaryDto | null | undefined): boolean {
  return a?.id === b?.id && a?.version === b?.version;
}

/**
 * The matrix laid out so that it fits: most sections are delivered once, for the whole nämnd, and
 * would be columns of "–" in every unit's row. The nämnd level's tasks become a list of their own
 * (`committee`, only the cells with a task); the units keep a matrix of just the sections some
 * unit delivers (or, with a filter, has a matching task in).
 */
export interface OverviewLayout {
  committee: MatrixRow | null;
  unitSections: CycleSectionDto[];
  unitRows: MatrixRow[];
}

export function layoutOverview(rows: readonly MatrixRow[]): OverviewLayout {
  const committeeRow = rows.find((row) => row.unit.id === null);
  const units = rows.filter((row) => row.unit.id !== null);
  const delivered = new Set(units.flatMap((row) => row.cells.filter((cell) => cell.task).map((cell) => cell.section.id)));
  const unitSections = (units[0]?.cells ?? []).map((cell) => cell.section).filter((section) => delivered.has(section.id));
  const committeeCells = committeeRow?.cells.filter((cell) => cell.task) ?? [];
  return {
    committee: committeeRow && committeeCells.length > 0 ? { ...committeeRow, cells: committeeCells } : null,
    unitSections,
    unitRows: units.map((row) => ({ ...row, cells: row.cells.filter((cell) => delivered.has(cell.section.id)) })),
  };
}
