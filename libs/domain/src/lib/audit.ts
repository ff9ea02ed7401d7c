import { isRole, ROLE_LABELS } from './roles';
import { TASK_STATE_LABELS, type TaskState } from './workflow';

/**
 * The audit log in Swedish: one catalogue from an action code to a sentence ("Anna Andersson
 * godkände Ekonomi för Enhet X (Tertialbokslut 2 2026)"), with the part that names what changed
 * as a link to it, and before/after as readable field changes. The server resolves the names
 * (AuditContext); this file only words them.
 */

/** The names an event's entity resolves to now (null when it is gone or not of that kind). */
export interface AuditContext {
  /** A task: its section and unit (null unit: nämndnivå), and its cycle. */
  taskId?: string | null;
  sectionNumber?: string | null;
  sectionTitle?: string | null;
  unitName?: string | null;
  /** The cycle of a task, memo, report version or the cycle itself. */
  cycleId?: string | null;
  cycleTitle?: string | null;
  /** A person the event is about. */
  personName?: string | null;
  /** A unit the event is about. */
  entityUnitName?: string | null;
  /** A template the event is about. */
  templateName?: string | null;
}

export interface AuditSentenceInput {
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
  context?: AuditContext | null;
}

/** A piece of the sentence: text, or text that links to a page of the app. */
export interface AuditSegment {
  text: string;
  /** An app path (`/uppgifter/<id>`) when this piece names what changed. */
  link?: string;
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
/** ' (filen finns kvar i version 1 och 2)': a removed bilaga that frozen versions hold. */
const keptForText = (value: unknown): string => {
  const numbers = Array.isArray(value) ? value.filter((n): n is number => typeof n === 'number') : [];
  if (numbers.length === 0) return '';
  const list = numbers.length === 1 ? String(numbers[0]) : `${numbers.slice(0, -1).join(', ')} och ${numbers[numbers.length - 1]}`;
  return ` (filen finns kvar i version ${list})`;
};

/** The pieces and what they say, built by one catalogue entry. */
interface Parts {
  actor: string;
  /** The thing changed, as a link where it has a page: "Ekonomi för Enhet X". */
  thing: AuditSegment;
  /** "(Tertialbokslut 2 2026)" after the thing, for tasks and memos. */
  cycle: string;
  before: Obj;
  after: Obj;
}

type Template = (p: Parts) => AuditSegment[];

const t = (text: string): AuditSegment => ({ text });

/** `Verb thing (cycle)`: the workflow steps and other changes of a task. */
const onTask =
  (verb: string, tail: (p: Parts) => string = () => ''): Template =>
  (p) => [t(`${p.actor} ${verb} `), p.thing, t(`${p.cycle}${tail(p)}`)];

const plain =
  (verb: string, tail: (p: Parts) => string = () => ''): Template =>
  (p) => [t(`${p.actor} ${verb} `), p.thing, t(tail(p))];

const reason = (p: Parts) => {
  const text = str(p.after['text']) ?? str(p.after['reason']);
  return text ? `: ”${text}”` : '';
};

const roleOf = (p: Parts) => {
  const role = p.after['role'] ?? p.before['role'];
  return isRole(role) ? ROLE_LABELS[role] : str(role) ?? 'en roll';
};

const names = (list: unknown): string => {
  const all = Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : [];
  if (all.length <= 1) return all[0] ?? '';
  return `${all.slice(0, -1).join(', ')} och ${all[all.length - 1]}`;
};

/** Action code → Swedish sentence. */
const CATALOGUE: Readonly<Record<string, Template>> = {
  'task.start': onTask('började skriva'),
  'task.submit': onTask('lämnade in'),
  'task.return': onTask('återremitterade', reason),
  'task.approve': onTask('godkände'),
  'task.resume': onTask('återupptog granskningen av'),
  'task.reopen': onTask('öppnade igen', reason),
  'task.self_approval': onTask('godkände sitt eget avsnitt'),
  'task.deadline': onTask('ändrade sista dag för', (p) => {
    const from = str(p.before['deadline']);
    const to = str(p.after['deadline']);
    return `${from ? ` från ${from}` : ''} till ${to ?? 'cykelns sista dag'}`;
  }),
  'task.remind': onTask('skickade en påminnelse om', (p) => (names(p.after['recipients']) ? ` till ${names(p.after['recipients'])}` : '')),
  'memo.start': onTask('började skriva'),
  'memo.submit': onTask('lämnade in'),
  'memo.return': onTask('återremitterade', reason),
  'memo.approve': onTask('godkände'),
  'memo.resume': onTask('återupptog granskningen av'),
  'memo.reopen': onTask('öppnade igen', reason),
  'memo.self_approval': onTask('godkände sin egen'),
  'report.freeze': (p) => [
    t(`${p.actor} fastställde `),
    p.thing,
    t(typeof p.after['number'] === 'number' ? ` (version ${p.after['number']})${reason(p)}` : reason(p)),
  ],
  'report.appendix_add': plain('lade till en bilaga i rapporten för', (p) => (str(p.after['title']) ? `: ”${str(p.after['title'])}”` : '')),
  'report.appendix_update': plain('ändrade en bilaga i rapporten för', (p) => (str(p.after['title']) ? `: ”${str(p.after['title'])}”` : '')),
  'report.appendix_remove': plain(
    'tog bort en bilaga ur rapporten för',
    (p) => `${str(p.before['title']) ? `: ”${str(p.before['title'])}”` : ''}${keptForText(p.after['keptForVersions'])}`,
  ),
  'cycle.create': plain('startade'),
  'cycle.update': plain('ändrade'),
  'economy.import': plain('importerade ekonomiunderlag till'),
  'template.create': plain('skapade mallen'),
  'template.update': plain('ändrade mallen'),
  'unit.create': plain('skapade enheten'),
  'unit.update': plain('ändrade enheten'),
  'unit.move': plain('flyttade enheten'),
  'unit.deactivate': plain('inaktiverade enheten'),
  'unit.reactivate': plain('aktiverade enheten'),
  'user.create': plain('lade till'),
  'user.update': plain('ändrade uppgifterna för'),
  'user.deactivate': plain('inaktiverade'),
  'user.reactivate': plain('aktiverade'),
  'user.sessions_revoke': plain('loggade ut', (p) => (typeof p.after['revoked'] === 'number' ? ` (${p.after['revoked']} ${p.after['revoked'] === 1 ? 'session' : 'sessioner'})` : '')),
  'user.reminder_delivery': plain('ändrade hur påminnelser skickas till'),
  'user.password_reset_requested': plain('begärde ett nytt lösenord för'),
  'user.password_reset': plain('bytte lösenord för'),
  'role.assign': (p) => [t(`${p.actor} gav `), p.thing, t(` rollen ${roleOf(p)}`)],
  'role.remove': (p) => [t(`${p.actor} tog bort rollen ${roleOf(p)} från `), p.thing],
  'committee.create': plain('skapade nämnden'),
  'organisation.import': plain('importerade organisationen från'),
  'auth.sign_in': (p) => [t(`${p.actor} loggade in`)],
  'auth.sign_out': (p) => [t(`${p.actor} loggade ut`)],
  'job.retry': plain('körde om jobbet'),
  'meeting.create': plain('planerade'),
  'meeting.update': plain('ändrade uppgifterna för', reason),
  'meeting.item_create': plain('lade till ett ärende på', (p) => (str(p.after['title']) ? ` (${str(p.after['title'])})${reason(p)}` : reason(p))),
  'meeting.item_update': plain('ändrade ett ärende på', (p) => (str(p.after['title']) ? ` (${str(p.after['title'])})${reason(p)}` : reason(p))),
  'meeting.item_delete': plain('tog bort ett ärende från', (p) => (str(p.before['title']) ? ` (${str(p.before['title'])})${reason(p)}` : reason(p))),
  'meeting.item_from_memo': (p) => [t('Den godkända tjänsteskrivelsen blev ett ärende på '), p.thing, t(str(p.after['title']) ? ` (${str(p.after['title'])})` : '')],
  'meeting.order': plain('ändrade ordningen i föredragningslistan för', reason),
  'meeting.attachment_add': plain('laddade upp en bilaga till', (p) => (str(p.after['title']) ? ` (${str(p.after['title'])})${reason(p)}` : reason(p))),
  'meeting.document_update': plain('ändrade en handling på', (p) => `${p.after['secret'] === true ? ' (sekretess)' : ''}${reason(p)}`),
  'meeting.document_delete': plain('tog bort en handling från', reason),
  'meeting.kallelse_send': plain('skickade kallelsen till', (p) =>
    typeof p.after['version'] === 'number' && p.after['version'] > 1 ? ` (rättelse, version ${p.after['version']})${reason(p)}` : '',
  ),
  'meeting.package': plain('sammanställde handlingarna till'),
  'meeting.scan_hit_resolve': plain('bedömde en träff som inte en personuppgift i', reason),
  'meeting.publish': plain('publicerade handlingarna till'),
  'meeting.absence': plain('anmälde förhinder till'),
  'meeting.settings': (p) => [t(`${p.actor} ändrade nämndens inställningar för sammanträden`)],
  'installation.settings': (p) => [t(`${p.actor} ändrade installationens inställningar`)],
};

/** Whether the catalogue has a sentence for the action (else the sentence names the code). */
export function hasAuditSentence(action: string): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, action);
}

/** "Ekonomi för Enhet X", "Ekonomi på nämndnivå". */
function taskName(c: AuditContext): string {
  const section = [c.sectionNumber, c.sectionTitle].filter(Boolean).join(' ') || 'ett avsnitt';
  return c.unitName ? `${section} för ${c.unitName}` : `${section} på nämndnivå`;
}

/** What the event changed, named and linked where it has a page. */
function thingOf(input: AuditSentenceInput): AuditSegment {
  const c = input.context ?? {};
  const before = obj(input.before);
  const after = obj(input.after);
  const id = input.entityId;
  switch (input.entityType) {
    case 'task':
      return c.sectionTitle && id ? { text: taskName(c), link: `/uppgifter/${id}` } : t('ett avsnitt som inte finns längre');
    case 'memo':
      return c.cycleId ? { text: 'tjänsteskrivelsen', link: `/cykler/${c.cycleId}/tjansteskrivelse` } : t('tjänsteskrivelsen');
    case 'report_version':
      return c.cycleId ? { text: `rapporten ${c.cycleTitle ?? ''}`.trim(), link: `/cykler/${c.cycleId}/rapport` } : t('rapporten');
    case 'cycle':
    case 'economy_import': {
      const title = c.cycleTitle ?? str(after['title']) ?? str(before['title']) ?? 'en rapportcykel';
      return c.cycleId ? { text: title, link: `/cykler/${c.cycleId}` } : t(title);
    }
    case 'template': {
      const name = c.templateName ?? str(after['name']) ?? str(before['name']) ?? 'en mall';
      return id ? { text: name, link: `/admin/mallar/${id}` } : t(name);
    }
    case 'unit':
      return t(c.entityUnitName ?? str(after['name']) ?? str(before['name']) ?? 'en enhet');
    case 'user':
    case 'role_assignment': {
      const name = c.personName ?? str(after['name']) ?? str(before['name']) ?? 'en person';
      return t(name);
    }
    case 'committee': {
      const name = str(after['name']);
      const municipality = str(after['municipality']);
      return t(name && municipality ? `${name}, ${municipality}` : (name ?? 'en nämnd'));
    }
    case 'meeting': {
      const date = str(after['date']) ?? str(before['date']);
      const text = date ? `sammanträdet ${date}` : 'ett sammanträde';
      return id ? { text, link: `/sammantraden/${id}` } : t(text);
    }
    case 'import':
      return t(str(after['fileName']) ?? 'en fil');
    case 'job':
      return t(str(after['name']) ?? id ?? 'ett jobb');
    default:
      return t(id ?? input.entityType);
  }
}

/**
 * The event as a Swedish sentence, in pieces: the one that names what changed carries a link
 * to it when it has a page. An action the catalogue lacks is named by its code.
 */
export function auditSentence(input: AuditSentenceInput): AuditSegment[] {
  const c = input.context ?? {};
  const parts: Parts = {
    actor: input.actorName || 'Systemet',
    thing: thingOf(input),
    cycle: (input.entityType === 'task' || input.entityType === 'memo') && c.cycleTitle ? ` (${c.cycleTitle})` : '',
    before: obj(input.before),
    after: obj(input.after),
  };
  const template = hasAuditSentence(input.action) ? CATALOGUE[input.action] : null;
  const segments = template ? template(parts) : [t(`${parts.actor}: ${input.action} – `), parts.thing];
  return segments.filter((s) => s.text !== '' || s.link);
}

/** The sentence as plain text (for tests, titles and screen-reader summaries). */
export function auditSentenceText(input: AuditSentenceInput): string {
  return auditSentence(input)
    .map((s) => s.text)
    .join('');
}

/** Swedish names of the fields before/after carry. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Namn',
  email: 'E-post',
  title: 'Titel',
  active: 'Aktiv',
  role: 'Roll',
  state: 'Status',
  version: 'Version',
  text: 'Kommentar',
  reason: 'Anledning',
  deadline: 'Sista dag',
  periodEnd: 'Periodens slut',
  submissionDeadline: 'Sista dag för inlämning',
  reviewDeadline: 'Sista dag för granskning',
  assemblyDeadline: 'Sista dag för sammanställning',
  meetingDate: 'Sammanträde',
  diaryNumber: 'Diarienummer',
  reminderConfig: 'Påminnelser',
  reminderDelivery: 'Påminnelser via e-post',
  parentId: 'Överordnad enhet',
  kind: 'Typ',
  number: 'Versionsnummer',
  recipients: 'Mottagare',
  day: 'Dag',
  fileName: 'Fil',
  revoked: 'Avslutade sessioner',
  reportKind: 'Rapporttyp',
  municipality: 'Kommun',
  appendices: 'Bilagor',
  keptForVersions: 'Filen finns kvar i version',
};

/** One value as a person reads it. */
export function auditValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (field === 'role' && isRole(value)) return ROLE_LABELS[value];
  if (field === 'state' && typeof value === 'string' && Object.prototype.hasOwnProperty.call(TASK_STATE_LABELS, value)) {
    return TASK_STATE_LABELS[value as TaskState];
  }
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object') ? value.join(', ') : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface AuditFieldChange {
  field: string;
  /** Swedish name of the field (the key itself when unknown). */
  label: string;
  before: string;
  after: string;
}

/**
 * Before/after as the fields that differ, each read as a person would: "Sista dag: 2026-09-10 →
 * 2026-09-01". A field only on one side is shown against "–". Ids and checksums are left out.
 */
export function auditFieldChanges(before: unknown, after: unknown): AuditFieldChange[] {
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !/(^id$|Id$|_id$|checksum)/.test(k));
  return keys
    .map((k) => ({
      field: k,
      label: Object.prototype.hasOwnProperty.call(FIELD_LABELS, k) ? FIELD_LABELS[k] : k,
      before: auditValue(k, b[k]),
      after: auditValue(k, a[k]),
    }))
    .filter((change) => change.before !== change.after);
}
