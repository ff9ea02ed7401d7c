import type {
  AgendaItemDto,
  AgendaItemInput,
  CreateMeetingRequest,
  MeetingDto,
  ParticipantInput,
  UpdateMeetingSettingsRequest,
} from '@rapportflode/api-contract';
import {
  type AgendaItemKind,
  KALLELSE_DAYS_MAX,
  KALLELSE_DAYS_MIN,
  normaliseSecrecyReference,
  PARTICIPANT_ROLE_LABELS,
  type ParticipantRole,
  SECRECY_REFERENCE_HINT,
} from '@rapportflode/domain';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A date that exists, written ÅÅÅÅ-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** "9:00" and "0900" are read as 09:00; anything else stays as typed (and is refused). */
export function normaliseTime(text: string): string {
  const trimmed = text.trim().replace('.', ':');
  const short = /^(\d):([0-5]\d)$/.exec(trimmed);
  if (short) return `0${short[1]}:${short[2]}`;
  const compact = /^(\d{2})([0-5]\d)$/.exec(trimmed);
  if (compact) return `${compact[1]}:${compact[2]}`;
  return trimmed;
}

export interface MeetingFactsForm {
  date: string;
  startTime: string;
  place: string;
  chairName: string;
  secretaryName: string;
}

export interface ParticipantForm {
  name: string;
  email: string;
  role: ParticipantRole;
  party: string;
}

export function meetingFactsForm(
  meeting?: Pick<MeetingDto, 'date' | 'startTime' | 'place' | 'chairName' | 'secretaryName'>,
): MeetingFactsForm {
  return {
    date: meeting?.date ?? '',
    startTime: meeting?.startTime ?? '',
    place: meeting?.place ?? '',
    chairName: meeting?.chairName ?? '',
    secretaryName: meeting?.secretaryName ?? '',
  };
}

/** The facts of a new or changed meeting, with the participants when given. */
export function checkMeetingFacts(
  form: MeetingFactsForm,
  participants?: readonly ParticipantForm[],
): Checked<CreateMeetingRequest> {
  const errors: string[] = [];
  const date = form.date.trim();
  const startTime = normaliseTime(form.startTime);
  const place = form.place.trim();
  if (!isIsoDate(date)) errors.push('Ange sammanträdets datum som ÅÅÅÅ-MM-DD.');
  if (!TIME.test(startTime)) errors.push('Ange starttiden som TT:MM, till exempel 13:00.');
  if (place === '') errors.push('Ange var sammanträdet hålls.');
  const request: CreateMeetingRequest = {
    date,
    startTime,
    place,
    chairName: form.chairName.trim() || null,
    secretaryName: form.secretaryName.trim() || null,
  };
  if (participants) {
    const checked = checkParticipants(participants);
    if (checked.ok) request.participants = checked.value;
    else errors.push(...checked.errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: request };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The participant rows: a name on each (rows left wholly empty are dropped), a plausible e-mail
 * when given. A problem names the row as the form shows it: "Ersättare 2".
 */
export function checkParticipants(rows: readonly ParticipantForm[]): Checked<ParticipantInput[]> {
  const errors: string[] = [];
  const value: ParticipantInput[] = [];
  const counts: Record<ParticipantRole, number> = { member: 0, substitute: 0 };
  for (const row of rows) {
    counts[row.role] += 1;
    const where = `${PARTICIPANT_ROLE_LABELS[row.role]} ${counts[row.role]}`;
    const name = row.name.trim();
    const email = row.email.trim();
    const party = row.party.trim();
    if (name === '' && email === '' && party === '') continue;
    if (name === '') errors.push(`${where}: ange namnet.`);
    if (email !== '' && !EMAIL.test(email)) errors.push(`${where}: e-postadressen ser inte ut som en e-postadress.`);
    value.push({ name, email: email || null, role: row.role, party: party || null });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export interface AgendaItemForm {
  kind: AgendaItemKind;
  title: string;
  publicTitle: string;
  diaryNumber: string;
  presenter: string;
  proposal: string[];
  secret: boolean;
  secrecyReference: string;
}

export function agendaItemForm(item?: AgendaItemDto): AgendaItemForm {
  return {
    kind: item?.kind ?? 'decision',
    title: item?.title ?? '',
    publicTitle: item?.publicTitle ?? '',
    diaryNumber: item?.diaryNumber ?? '',
    presenter: item?.presenter ?? '',
    proposal: item ? [...item.proposal] : [],
    secret: item?.secret ?? false,
    secrecyReference: item?.secrecyReference ?? '',
  };
}

export const PUBLIC_TITLE_REQUIRED =
  'Ett ärende med sekretess behöver en offentlig rubrik: den visas i den offentliga kallelsen.';

/** An ärende as the server takes it: a title, and for a secret one a public title and a valid OSL reference. */
export function checkAgendaItem(form: AgendaItemForm): Checked<AgendaItemInput> {
  const errors: string[] = [];
  const title = form.title.trim();
  const publicTitle = form.publicTitle.trim();
  if (title === '') errors.push('Ange ärendets rubrik.');
  let secrecyReference: string | null = null;
  if (form.secret) {
    secrecyReference = normaliseSecrecyReference(form.secrecyReference);
    if (secrecyReference === null) errors.push(SECRECY_REFERENCE_HINT);
    if (publicTitle === '') errors.push(PUBLIC_TITLE_REQUIRED);
  }
  const proposal = form.proposal.map((line) => line.trim()).filter((line) => line !== '');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: form.kind,
      title,
      publicTitle: publicTitle || null,
      diaryNumber: form.diaryNumber.trim() || null,
      presenter: form.presenter.trim() || null,
      proposal,
      secret: form.secret,
      secrecyReference,
    },
  };
}

export interface SettingsForm {
  kallelseWorkingDays: string;
  absenceContact: string;
  publicMailDomains: string;
}

/** The nämnd's settings: the working days within bounds, the mail domains one a line (a leading @ is dropped). */
export function checkSettings(form: SettingsForm): Checked<UpdateMeetingSettingsRequest> {
  const errors: string[] = [];
  const days = Number(String(form.kallelseWorkingDays).trim());
  if (!Number.isInteger(days) || days < KALLELSE_DAYS_MIN || days > KALLELSE_DAYS_MAX) {
    errors.push(`Ange antalet arbetsdagar som ett heltal mellan ${KALLELSE_DAYS_MIN} och ${KALLELSE_DAYS_MAX}.`);
  }
  const domains = form.publicMailDomains
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^@/, '').toLowerCase())
    .filter((line) => line !== '');
  const bad = domains.filter((d) => !/^[a-z0-9åäö-]+(\.[a-z0-9åäö-]+)+$/.test(d));
  if (bad.length)
    errors.push(
      `Det här ser inte ut som e-postdomäner: ${bad.join(', ')}. Skriv en domän per rad, till exempel gnesta.se.`,
    );
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kallelseWorkingDays: days,
      absenceContact: form.absenceContact.trim() || null,
      publicMailDomains: [...new Set(domains)],
    },
  };
}
