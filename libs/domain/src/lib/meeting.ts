/**
 * The nämnd's sammanträde: its states, its ärenden and how the föredragningslista orders and
 * numbers them, the secrecy reference of a secret item, and when the kallelse must go out
 * (docs/domain.md, "The nämnd meeting").
 */
import { addWorkingDays } from './calendar';
import type { IsoDate } from './cycle';

export const MEETING_STATES = ['planned', 'kallelse_sent', 'held'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, string>> = {
  planned: 'Planerat',
  kallelse_sent: 'Kallelse utskickad',
  held: 'Genomfört',
};

/** Who is called to the meeting: a ledamot (member) or an ersättare (substitute). */
export const PARTICIPANT_ROLES = ['member', 'substitute'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const PARTICIPANT_ROLE_LABELS: Readonly<Record<ParticipantRole, string>> = {
  member: 'Ledamot',
  substitute: 'Ersättare',
};

export const AGENDA_ITEM_KINDS = ['decision', 'information', 'delegation', 'notification'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const AGENDA_ITEM_KIND_LABELS: Readonly<Record<AgendaItemKind, string>> = {
  decision: 'Beslutsärende',
  information: 'Informationsärende',
  delegation: 'Anmälan av delegationsbeslut',
  notification: 'Anmälningsärende',
};

/** The parts of the föredragningslista, in this order; each kind of ärende belongs to one. */
export const AGENDA_SECTIONS = [
  { key: 'decisions', title: 'Beslutsärenden', kinds: ['decision'] },
  { key: 'information', title: 'Informationsärenden', kinds: ['information'] },
  { key: 'notifications', title: 'Anmälningar', kinds: ['delegation', 'notification'] },
] as const satisfies ReadonlyArray<{ key: string; title: string; kinds: readonly AgendaItemKind[] }>;
export type AgendaSectionKey = (typeof AGENDA_SECTIONS)[number]['key'];

export function agendaSectionOf(kind: AgendaItemKind): (typeof AGENDA_SECTIONS)[number] {
  const section = AGENDA_SECTIONS.find((s) => (s.kinds as readonly AgendaItemKind[]).includes(kind));
  if (!section) throw new RangeError(`No agenda section for ${kind}`);
  return section;
}

export interface AgendaEntry {
  id: string;
  kind: AgendaItemKind;
  /** The secretary's order (drag and drop or the move buttons); ties keep the given order. */
  position: number;
}

/**
 * The föredragningslista: sections in AGENDA_SECTIONS order, ärenden by position within each,
 * numbered 1…n across the whole list. The one numbering the meeting page, the kallelse and the
 * package use.
 */
export function numberAgenda<T extends AgendaEntry>(items: readonly T[]): Array<T & { number: number; section: AgendaSectionKey }> {
  const rank = (kind: AgendaItemKind) => AGENDA_SECTIONS.findIndex((s) => (s.kinds as readonly AgendaItemKind[]).includes(kind));
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item.kind) - rank(b.item.kind) || a.item.position - b.item.position || a.index - b.index);
  return sorted.map(({ item }, i) => ({ ...item, number: i + 1, section: agendaSectionOf(item.kind).key }));
}

/**
 * Previewed § numbers: the meeting's ärenden numbered on from the last § the nämnd gave this year
 * (given for real at the meeting, in the protokoll).
 */
export function previewParagraphNumbers(count: number, lastParagraphThisYear: number): number[] {
  return Array.from({ length: count }, (_, i) => lastParagraphThisYear + i + 1);
}

/**
 * A secrecy reference as written in Swedish decisions: "26 kap. 1 § OSL", "21 kap. 7 §
 * offentlighets- och sekretesslagen", "39 kap. 3 a § OSL". Returns the trimmed text, or null when
 * it does not name a chapter and a paragraph.
 */
export function normaliseSecrecyReference(text: string): string | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length > 200) return null;
  return /^\d{1,2} kap\. \d{1,3}( [a-z])? §( (första|andra|tredje|fjärde|femte) stycket)?( (OSL|offentlighets- och sekretesslagen( \(2009:400\))?))$/i.test(trimmed)
    ? trimmed
    : null;
}

export const SECRECY_REFERENCE_HINT = 'Ange sekretessgrunden som kapitel och paragraf, till exempel "26 kap. 1 § OSL".';

/** The kallelse's last day: `workingDaysBefore` working days before the meeting (Swedish calendar). */
export function kallelseDeadline(meetingDate: IsoDate, workingDaysBefore: number): IsoDate {
  return addWorkingDays(meetingDate, -workingDaysBefore);
}

/** Bounds of the nämnd's setting "kallelsen senast … arbetsdagar före". */
export const KALLELSE_DAYS_MIN = 1;
export const KALLELSE_DAYS_MAX = 30;
export const KALLELSE_DAYS_DEFAULT = 7;

/** Limits of an uploaded bilaga. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
export const ATTACHMENT_MAX_PAGES = 500;

const WEEKDAY_DATE = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "tisdag 15 december 2026 kl. 13.00": the meeting's time as a kallelse writes it. */
export function meetingTimeInWords(date: IsoDate, startTime: string): string {
  const day = WEEKDAY_DATE.format(new Date(`${date}T00:00:00Z`));
  return `${day} kl. ${startTime.replace(':', '.')}`;
}
