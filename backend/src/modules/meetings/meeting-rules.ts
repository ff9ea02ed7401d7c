import type { AgendaItemInput, CreateMeetingRequest, ParticipantInput } from '@rapportflode/api-contract';
import {
  AGENDA_ITEM_KINDS,
  isIsoDate,
  normaliseSecrecyReference,
  PARTICIPANT_ROLES,
  SECRECY_REFERENCE_HINT,
  type AgendaItemKind,
  type ParticipantRole,
} from '@rapportflode/domain';
import { DomainError } from '../../common/domain-error';
import type { MeetingRow } from './meetings.repository';

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '');
const optional = (value: unknown): string | null => text(value) || null;

export const MeetingErrors = {
  notFound: () => new DomainError('meeting_not_found', 'Sammanträdet finns inte.'),
  itemNotFound: () => new DomainError('agenda_item_not_found', 'Ärendet finns inte på det här sammanträdet.'),
  documentNotFound: () => new DomainError('meeting_document_not_found', 'Handlingen finns inte på det här sammanträdet.'),
  stale: () =>
    new DomainError('version_conflict', 'Sammanträdet har ändrats sedan du öppnade sidan. Ladda om sidan och gör ändringen igen; inget har sparats.'),
  held: () => new DomainError('meeting_state_invalid', 'Sammanträdet är genomfört och kan inte ändras.'),
  reasonRequired: () =>
    new DomainError(
      'kallelse_change_reason_required',
      'Kallelsen är redan skickad. Ange varför den ändras; anledningen står i rättelsen som skickas ut igen.',
    ),
  exists: () => new DomainError('meeting_exists', 'Nämnden har redan ett sammanträde den dagen och tiden.'),
};

export interface CleanMeeting {
  date: string;
  startTime: string;
  place: string;
  chairName: string | null;
  secretaryName: string | null;
  participants: Array<{ name: string; email: string | null; role: ParticipantRole; party: string | null }> | null;
}

/** The meeting's facts, checked; every problem named in Swedish. */
export function cleanMeeting(input: CreateMeetingRequest): CleanMeeting {
  const errors: string[] = [];
  if (!isIsoDate(input.date)) errors.push('Ange sammanträdets datum som ÅÅÅÅ-MM-DD.');
  if (typeof input.startTime !== 'string' || !TIME.test(input.startTime)) errors.push('Ange starttiden som TT:MM, till exempel 13:00.');
  const place = text(input.place);
  if (!place) errors.push('Ange var sammanträdet hålls.');
  if (place.length > 200) errors.push('Platsen får vara högst 200 tecken.');
  const participants = input.participants === undefined ? null : cleanParticipants(input.participants, errors);
  if (errors.length) throw new DomainError('meeting_invalid', 'Sammanträdet kan inte sparas.', errors);
  return {
    date: input.date,
    startTime: input.startTime,
    place,
    chairName: optional(input.chairName)?.slice(0, 200) ?? null,
    secretaryName: optional(input.secretaryName)?.slice(0, 200) ?? null,
    participants,
  };
}

function cleanParticipants(list: unknown, errors: string[]): CleanMeeting['participants'] {
  if (!Array.isArray(list)) {
    errors.push('Ledamöter och ersättare har fel format.');
    return [];
  }
  if (list.length > 200) errors.push('Högst 200 ledamöter och ersättare.');
  const seen = new Set<string>();
  return (list as ParticipantInput[]).slice(0, 200).map((p, i) => {
    const name = text(p?.name);
    const email = optional(p?.email)?.toLowerCase() ?? null;
    const row = `Rad ${i + 1}`;
    if (!name) errors.push(`${row}: ange namnet.`);
    if (!(PARTICIPANT_ROLES as readonly string[]).includes(p?.role)) errors.push(`${row}: välj ledamot eller ersättare.`);
    if (email && !EMAIL.test(email)) errors.push(`${row}: e-postadressen ${email} ser inte ut som en e-postadress.`);
    if (email && seen.has(email)) errors.push(`${row}: ${email} finns redan på en annan rad.`);
    if (email) seen.add(email);
    return { name: name.slice(0, 200), email, role: p?.role, party: optional(p?.party)?.slice(0, 60) ?? null };
  });
}

export interface CleanItem {
  kind: AgendaItemKind;
  title: string;
  public_title: string | null;
  diary_number: string | null;
  presenter: string | null;
  proposal: string[];
  secret: boolean;
  secrecy_reference: string | null;
}

/** An ärende's fields, checked: a secret ärende needs its OSL paragraph and a public title. */
export function cleanItem(input: AgendaItemInput): CleanItem {
  const errors: string[] = [];
  if (!(AGENDA_ITEM_KINDS as readonly string[]).includes(input.kind)) errors.push('Välj vilken sorts ärende det är.');
  const title = text(input.title);
  if (!title) errors.push('Ange ärendets rubrik.');
  if (title.length > 300) errors.push('Rubriken får vara högst 300 tecken.');
  const proposal = Array.isArray(input.proposal) ? input.proposal.map(text).filter(Boolean) : [];
  if (proposal.some((p) => p.length > 2000)) errors.push('En beslutspunkt får vara högst 2 000 tecken.');
  if (proposal.length > 30) errors.push('Högst 30 beslutspunkter.');
  const secret = input.secret === true;
  const publicTitle = optional(input.publicTitle);
  let reference: string | null = null;
  if (secret) {
    reference = normaliseSecrecyReference(text(input.secrecyReference));
    if (!reference) errors.push(`Sekretessgrunden saknas eller har fel form. ${SECRECY_REFERENCE_HINT}`);
    if (!publicTitle) errors.push('Ett ärende med sekretess behöver en offentlig rubrik: den visas i den offentliga versionen.');
  }
  if (errors.length) throw new DomainError('agenda_item_invalid', 'Ärendet kan inte sparas.', errors);
  return {
    kind: input.kind,
    title,
    public_title: publicTitle?.slice(0, 300) ?? null,
    diary_number: optional(input.diaryNumber)?.slice(0, 40) ?? null,
    presenter: optional(input.presenter)?.slice(0, 200) ?? null,
    proposal,
    secret,
    secrecy_reference: reference,
  };
}

/** A handling's secrecy: its OSL paragraph when secret. */
export function cleanSecrecy(secret: boolean | undefined, reference: unknown): { secret: boolean; secrecyReference: string | null } {
  if (!secret) return { secret: false, secrecyReference: null };
  const normalised = normaliseSecrecyReference(text(reference));
  if (!normalised) throw new DomainError('secrecy_reference_invalid', `Sekretessgrunden saknas eller har fel form. ${SECRECY_REFERENCE_HINT}`);
  return { secret: true, secrecyReference: normalised };
}

/**
 * Whether a change may be made: the version it started from, a meeting not yet held, and once
 * the kallelse has gone out, a reason (the next kallelse is a rättelse).
 */
export function checkChange(meeting: MeetingRow, version: number, reason: string | undefined): string | null {
  if (meeting.version !== version) throw MeetingErrors.stale();
  if (meeting.state === 'held') throw MeetingErrors.held();
  const why = text(reason);
  if (meeting.state === 'kallelse_sent' && !why) throw MeetingErrors.reasonRequired();
  return why ? why.slice(0, 1000) : null;
}
