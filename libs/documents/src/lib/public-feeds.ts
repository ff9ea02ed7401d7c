/**
 * The public feeds of the nämnd's meetings, as text or plain objects (no dependencies, no I/O):
 * an iCalendar subscription (RFC 5545) of the meetings, an Atom feed (RFC 4287) of the published
 * handlingar, and OParl 1.1 objects (Meeting, AgendaItem, File and the paginated list) for
 * open-data clients. The caller gives only what is public: a secret ärende's public title, and
 * only files that may be published.
 *
 * Meeting times are wall-clock times in Europe/Stockholm (CET, +01:00; CEST, +02:00 from the last
 * Sunday of March to the last Sunday of October, switching at 01:00 UTC), computed here without
 * the host's time-zone data.
 */
import { type AgendaItemKind, AGENDA_ITEM_KIND_LABELS, formatDate, MEETING_STATE_LABELS, type MeetingState, meetingTimeInWords } from '@rapportflode/domain';
import { dateInWords } from './kallelse-model';

export interface PublicFile {
  id: string;
  /** 'Kallelse 15 december 2026', 'Delårsrapport 2026' */
  name: string;
  /** Absolute URL of the PDF. */
  url: string;
  /** Absolute URL of the HTML version, if any. */
  htmlUrl: string | null;
  /** Bytes. */
  size: number;
  /** Hex. */
  sha256: string;
  mimeType: 'application/pdf';
  /** ISO datetime. */
  publishedAt: string;
}

export interface PublicAgendaItem {
  id: string;
  /** 1…n, from numberAgenda. */
  number: number;
  kind: AgendaItemKind;
  /** The public title (a secret ärende's public title). */
  title: string;
  secret: boolean;
  diaryNumber: string | null;
  proposal: readonly string[];
  /** Never given for a secret ärende. */
  files: readonly PublicFile[];
}

export interface PublicMeeting {
  id: string;
  committeeId: string;
  /** 'Socialnämnden' */
  committee: string;
  /** 'Nacka kommun' */
  municipality: string;
  /** ISO date, YYYY-MM-DD, in Stockholm. */
  date: string;
  /** 'HH:MM', Stockholm time. */
  startTime: string;
  /** Minutes; DEFAULT_MEETING_MINUTES when not given. */
  durationMinutes?: number;
  place: string;
  state: MeetingState;
  /** Absolute URL of its public page. */
  url: string;
  kallelse: PublicFile | null;
  items: readonly PublicAgendaItem[];
  /** When the handlingar were first published; null while nothing is. */
  publishedAt: string | null;
  /** ISO datetime of the last change to anything shown here. */
  modifiedAt: string;
}

export const DEFAULT_MEETING_MINUTES = 180;

// ---------------------------------------------------------------------------------------------
// Time in Europe/Stockholm

const MINUTE = 60_000;

/** The day of the month of the last Sunday of a month (month 1–12). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Stockholm's offset from UTC, in minutes, at an instant: 60 (CET) or 120 (CEST). */
export function stockholmOffsetMinutes(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const year = new Date(ms).getUTCFullYear();
  const start = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 10), 1);
  return ms >= start && ms < end ? 120 : 60;
}

interface Moment {
  /** UTC milliseconds. */
  utc: number;
  /** Offset at that instant, minutes. */
  offset: number;
}

function parseWallClock(date: string, time: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (new Date(wall).getUTCDate() !== Number(d[3])) throw new RangeError(`Not a date: ${date}`);
  return wall;
}

/**
 * A Stockholm wall-clock time as an instant. In the October hour that occurs twice the first
 * (summer-time) one is meant; a time in the March hour that does not exist is read with the
 * offset before the change (02.30 is 03.30 summer time), as RFC 5545 reads such a DTSTART.
 */
export function stockholmMoment(date: string, time: string): Moment {
  const wall = parseWallClock(date, time);
  for (const offset of [120, 60]) {
    const utc = wall - offset * MINUTE;
    if (stockholmOffsetMinutes(utc) === offset) return { utc, offset };
  }
  const utc = wall - 60 * MINUTE;
  return { utc, offset: stockholmOffsetMinutes(utc) };
}

function after(moment: Moment, minutes: number): Moment {
  const utc = moment.utc + minutes * MINUTE;
  return { utc, offset: stockholmOffsetMinutes(utc) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local wall-clock fields of a moment. */
function local(moment: Moment): { date: string; time: string; compact: string } {
  const d = new Date(moment.utc + moment.offset * MINUTE);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time, compact: `${date.replace(/-/g, '')}T${time.replace(/:/g, '')}` };
}

/** RFC 3339 with Stockholm's offset: `2026-12-15T13:00:00+01:00`. */
function withOffset(moment: Moment): string {
  const { date, time } = local(moment);
  const sign = moment.offset >= 0 ? '+' : '-';
  const abs = Math.abs(moment.offset);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A meeting's start and end (start + its duration) as instants. */
export function meetingSpan(meeting: Pick<PublicMeeting, 'date' | 'startTime' | 'durationMinutes'>): { start: Moment; end: Moment } {
  const minutes = meeting.durationMinutes ?? DEFAULT_MEETING_MINUTES;
  if (!Number.isInteger(minutes) || minutes <= 0) throw new RangeError(`Not a duration in minutes: ${minutes}`);
  const start = stockholmMoment(meeting.date, meeting.startTime);
  return { start, end: after(start, minutes) };
}

function instant(value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date-time: ${String(value)}`);
  return date;
}

/** RFC 3339 in UTC without milliseconds: `2026-12-08T09:00:00Z`. */
function utcDateTime(value: string | Date): string {
  return instant(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 'Socialnämnden' → 'Socialnämndens'; a name ending in s, x or z takes no further s. */
export function swedishGenitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

// ---------------------------------------------------------------------------------------------
// iCalendar (RFC 5545)

const CRLF = '\r\n';
const MAX_OCTETS = 75;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- the control characters TEXT may not hold (all but tab and newline)
const TEXT_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex -- control characters and spaces, percent-encoded in a URI
const URI_UNSAFE = /[\u0000-\u0020\u007F]/g;
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- characters a file name cannot hold
const FILE_NAME_UNSAFE = /[\\/:*?"<>|\u0000-\u001F]+/g;

/** Lone surrogates become U+FFFD (they have no UTF-8 form); other control characters but tab are dropped. */
function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').replace(TEXT_CONTROLS, '');
}

/**
 * A content line folded at 75 octets of UTF-8 (the continuation's leading space counts), never
 * inside a character, lines ended by CRLF.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF) + CRLF;
}

/** TEXT as RFC 5545 escapes it: backslash, semicolon, comma, and a newline as `\n`. */
export function icsText(value: string): string {
  return cleanText(value).replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}

/** A URI property value: no escaping, but never a line break or control character. */
function icsUri(value: string): string {
  return value.replace(URI_UNSAFE, (c) => encodeURIComponent(c));
}

function icsUtc(value: string | Date): string {
  return utcDateTime(value).replace(/[-:]/g, '');
}

const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The description of a meeting's event: the föredragningslista by public titles, and the page. */
function eventDescription(meeting: PublicMeeting): string {
  const lines = meeting.items.length
    ? ['Föredragningslista:', ...[...meeting.items].sort((a, b) => a.number - b.number).map((item) => `${item.number}. ${item.title}`)]
    : ['Föredragningslistan är inte publicerad ännu.'];
  return [...lines, '', `Handlingar: ${meeting.url}`].join('\n');
}

export const DEFAULT_ICS_PRODUCT_ID = '-//Rapportflöde//Sammanträden//SV';

/** The meetings as one iCalendar (text/calendar; charset=utf-8), each meeting a VEVENT in Stockholm time. */
export function meetingsIcs(meetings: readonly PublicMeeting[], options: { calendarName: string; productId?: string; now: Date }): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${icsText(options.productId ?? DEFAULT_ICS_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(options.calendarName)}`,
    'X-WR-TIMEZONE:Europe/Stockholm',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...STOCKHOLM_VTIMEZONE,
  ];
  const stamp = icsUtc(options.now);
  const sorted = [...meetings].sort((a, b) => `${a.date}T${a.startTime}`.localeCompare(`${b.date}T${b.startTime}`) || a.id.localeCompare(b.id));
  for (const meeting of sorted) {
    const { start, end } = meetingSpan(meeting);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(meeting.id)}@rapportflode`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=Europe/Stockholm:${local(start).compact}`,
      `DTEND;TZID=Europe/Stockholm:${local(end).compact}`,
      `SUMMARY:${icsText(`${meeting.committee} sammanträder`)}`,
      `LOCATION:${icsText(meeting.place)}`,
      `URL:${icsUri(meeting.url)}`,
      `DESCRIPTION:${icsText(eventDescription(meeting))}`,
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      `LAST-MODIFIED:${icsUtc(meeting.modifiedAt)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}

// ---------------------------------------------------------------------------------------------
// Atom (RFC 4287)

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content and attribute values: `&<>"'` escaped, characters XML 1.0 forbids dropped. */
export function escapeXml(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A permanent entry id: `urn:uuid:…` for a UUID, else a tag URI (RFC 4151) on the site's host. */
function entryId(meeting: PublicMeeting, siteUrl: string): string {
  if (UUID.test(meeting.id)) return `urn:uuid:${meeting.id.toLowerCase()}`;
  const host = new URL(siteUrl).hostname;
  const day = utcDateTime(meeting.publishedAt ?? meeting.modifiedAt).slice(0, 10);
  return `tag:${host},${day}:meeting/${encodeURIComponent(meeting.id)}`;
}

/** 'Handlingar till Socialnämndens sammanträde 15 december 2026' */
export function publicationTitle(meeting: Pick<PublicMeeting, 'committee' | 'date'>): string {
  return `Handlingar till ${swedishGenitive(meeting.committee)} sammanträde ${dateInWords(meeting.date)}`;
}

function later(a: string, b: string): string {
  return instant(a).getTime() >= instant(b).getTime() ? a : b;
}

function entryContent(meeting: PublicMeeting): string {
  const x = escapeXml;
  let out = `<p>${x(`${meeting.committee} sammanträder ${meetingTimeInWords(meeting.date, meeting.startTime)}, ${meeting.place}.`)}</p>`;
  if (meeting.kallelse) out += `<p><a href="${x(meeting.kallelse.url)}">${x(meeting.kallelse.name)}</a> (PDF)</p>`;
  const items = [...meeting.items].sort((a, b) => a.number - b.number);
  if (items.length) {
    out += '<ol>';
    for (const item of items) {
      out += `<li value="${item.number}">${x(item.title)}`;
      const files = item.secret ? [] : item.files;
      if (files.length) out += '<ul>' + files.map((f) => `<li><a href="${x(f.url)}">${x(f.name)}</a> (PDF)</li>`).join('') + '</ul>';
      out += '</li>';
    }
    out += '</ol>';
  }
  return `<div xmlns="http://www.w3.org/1999/xhtml">${out}</div>`;
}

/** The published meetings' handlingar as an Atom feed (application/atom+xml), newest change first. */
export function publicationsAtom(meetings: readonly PublicMeeting[], options: { feedUrl: string; siteUrl: string; title: string; now: Date }): string {
  const x = escapeXml;
  const published = meetings
    .filter((m): m is PublicMeeting & { publishedAt: string } => m.publishedAt !== null)
    .map((m) => ({ meeting: m, updated: utcDateTime(later(m.modifiedAt, m.publishedAt)), published: utcDateTime(m.publishedAt) }))
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.meeting.id.localeCompare(b.meeting.id));
  const updated = published[0]?.updated ?? utcDateTime(options.now);
  const municipalities = [...new Set(published.map((p) => p.meeting.municipality))];
  const feedAuthor = municipalities.length === 1 ? municipalities[0] : options.title;

  let out = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">\n';
  out += `  <id>${x(options.feedUrl)}</id>\n`;
  out += `  <title type="text">${x(options.title)}</title>\n`;
  out += `  <updated>${updated}</updated>\n`;
  out += `  <link rel="self" type="application/atom+xml" href="${x(options.feedUrl)}"/>\n`;
  out += `  <link rel="alternate" type="text/html" href="${x(options.siteUrl)}"/>\n`;
  out += `  <author><name>${x(feedAuthor)}</name></author>\n`;
  out += '  <generator>Rapportflöde</generator>\n';
  for (const { meeting, updated: entryUpdated, published: entryPublished } of published) {
    out += '  <entry>\n';
    out += `    <id>${x(entryId(meeting, options.siteUrl))}</id>\n`;
    out += `    <title type="text">${x(publicationTitle(meeting))}</title>\n`;
    out += `    <published>${entryPublished}</published>\n`;
    out += `    <updated>${entryUpdated}</updated>\n`;
    out += `    <author><name>${x(`${meeting.committee}, ${meeting.municipality}`)}</name></author>\n`;
    out += `    <link rel="alternate" type="text/html" href="${x(meeting.url)}"/>\n`;
    if (meeting.kallelse) {
      const k = meeting.kallelse;
      out += `    <link rel="enclosure" type="${x(k.mimeType)}" length="${Math.max(0, Math.trunc(k.size))}" title="${x(k.name)}" href="${x(k.url)}"/>\n`;
    }
    out += `    <summary type="text">${x(`${meeting.committee} sammanträder ${meetingTimeInWords(meeting.date, meeting.startTime)}, ${meeting.place}.`)}</summary>\n`;
    out += `    <content type="xhtml">${entryContent(meeting)}</content>\n`;
    out += '  </entry>\n';
  }
  return `${out}</feed>\n`;
}

// ---------------------------------------------------------------------------------------------
// OParl 1.1

export const OPARL_SCHEMA = 'https://schema.oparl.org/1.1/';

/**
 * The URLs of the OParl objects under the API's base URL; the server that serves the objects
 * uses the same paths. A meeting's location has the meeting's id.
 */
export function oparlUrls(base: string) {
  const root = base.replace(/\/+$/, '');
  const at = (kind: string, id: string) => `${root}/${kind}/${encodeURIComponent(id)}`;
  return {
    meetings: `${root}/meetings`,
    meeting: (id: string) => at('meetings', id),
    agendaItem: (id: string) => at('agenda-items', id),
    file: (id: string) => at('files', id),
    location: (meetingId: string) => at('locations', meetingId),
    organization: (committeeId: string) => at('organizations', committeeId),
  };
}

/** A file's name as a file system would store it: the last segment of its URL, else its name with `.pdf`. */
function fileNameOf(file: PublicFile): string {
  try {
    const segment = decodeURIComponent(new URL(file.url).pathname.split('/').pop() ?? '');
    if (/\.pdf$/i.test(segment)) return segment;
  } catch {
    // Not a URL with a readable path: fall back to the name.
  }
  const stem = file.name.replace(/\.pdf$/i, '').replace(FILE_NAME_UNSAFE, ' ').replace(/\s+/g, ' ').trim() || file.id;
  return `${stem}.pdf`;
}

/**
 * An OParl File. `accessUrl` is the PDF (served inline); the HTML version, when there is one, is
 * the file's `web` view. OParl names SHA-1 and SHA-512 checksums; the SHA-256 we keep is given as
 * the extension property `rf:sha256`. Back-references (`meeting`, `agendaItem`) only when the
 * file is not embedded in them.
 */
export function oparlFile(file: PublicFile, base: string, backReferences: { meeting?: string; agendaItem?: string } = {}): object {
  const urls = oparlUrls(base);
  const published = utcDateTime(file.publishedAt);
  return {
    id: urls.file(file.id),
    type: `${OPARL_SCHEMA}File`,
    name: file.name.replace(/\.pdf$/i, ''),
    fileName: fileNameOf(file),
    mimeType: file.mimeType,
    date: formatDate(file.publishedAt),
    size: file.size,
    accessUrl: file.url,
    ...(file.htmlUrl ? { web: file.htmlUrl } : {}),
    'rf:sha256': file.sha256.toLowerCase(),
    ...(backReferences.meeting ? { meeting: [backReferences.meeting] } : {}),
    ...(backReferences.agendaItem ? { agendaItem: [backReferences.agendaItem] } : {}),
    created: published,
    modified: published,
  };
}

function meetingDates(m: PublicMeeting): { created: string; modified: string } {
  const modified = utcDateTime(m.modifiedAt);
  return { created: m.publishedAt ? utcDateTime(m.publishedAt) : modified, modified };
}

/**
 * An OParl AgendaItem. A secret ärende is `public: false` with its public title and no files.
 * The förslag till beslut is not an OParl property of the item (there is no resolution before the
 * meeting); the kind is given as a keyword in Swedish.
 */
export function oparlAgendaItem(item: PublicAgendaItem, meeting: PublicMeeting, base: string): object {
  const urls = oparlUrls(base);
  const id = urls.agendaItem(item.id);
  return {
    id,
    type: `${OPARL_SCHEMA}AgendaItem`,
    meeting: urls.meeting(meeting.id),
    number: String(item.number),
    order: item.number,
    name: item.title,
    public: !item.secret,
    keyword: [AGENDA_ITEM_KIND_LABELS[item.kind]],
    ...(!item.secret && item.files.length ? { auxiliaryFile: item.files.map((f) => oparlFile(f, base)) } : {}),
    ...meetingDates(meeting),
  };
}

/** An OParl Meeting with its location, invitation (the kallelse) and agenda items embedded. */
export function oparlMeeting(m: PublicMeeting, base: string): object {
  const urls = oparlUrls(base);
  const { start, end } = meetingSpan(m);
  const dates = meetingDates(m);
  return {
    id: urls.meeting(m.id),
    type: `${OPARL_SCHEMA}Meeting`,
    name: `${swedishGenitive(m.committee)} sammanträde ${dateInWords(m.date)}`,
    meetingState: MEETING_STATE_LABELS[m.state],
    start: withOffset(start),
    end: withOffset(end),
    location: { id: urls.location(m.id), type: `${OPARL_SCHEMA}Location`, description: m.place, ...dates },
    organization: [urls.organization(m.committeeId)],
    ...(m.kallelse ? { invitation: oparlFile(m.kallelse, base) } : {}),
    agendaItem: [...m.items].sort((a, b) => a.number - b.number).map((item) => oparlAgendaItem(item, m, base)),
    web: m.url,
    ...dates,
  };
}

/** An OParl Location: where a meeting is held (its id is the meeting's). */
export function oparlLocation(m: PublicMeeting, base: string): object {
  const urls = oparlUrls(base);
  return { id: urls.location(m.id), type: `${OPARL_SCHEMA}Location`, description: m.place, meeting: [urls.meeting(m.id)], ...meetingDates(m) };
}

/** An OParl Organization: the nämnd, with the list of its published meetings. */
export function oparlOrganization(
  committee: { id: string; name: string; municipality: string },
  base: string,
  links: { meetings: string; web: string },
): object {
  return {
    id: oparlUrls(base).organization(committee.id),
    type: `${OPARL_SCHEMA}Organization`,
    name: `${committee.name}, ${committee.municipality}`,
    shortName: committee.name,
    organizationType: 'Gremium',
    classification: 'Nämnd',
    meeting: links.meetings,
    web: links.web,
  };
}

export interface OparlPage {
  /** 1-based. */
  currentPage: number;
  elementsPerPage: number;
  /** All meetings of the list, not only this page's. */
  totalElements: number;
  /** The list's URL without the page parameter; default `${base}/meetings`. */
  listUrl?: string;
  /** The list's public web page, if any. */
  web?: string;
}

/**
 * One page of the OParl meeting list: `meetings` are this page's (the caller pages them in its
 * query), the links keep the list URL's other parameters (filters) and set `page`.
 */
export function oparlMeetingList(meetings: readonly PublicMeeting[], base: string, page: OparlPage): object {
  const { currentPage, elementsPerPage, totalElements } = page;
  if (!Number.isInteger(currentPage) || currentPage < 1) throw new RangeError(`Not a page number: ${currentPage}`);
  if (!Number.isInteger(elementsPerPage) || elementsPerPage < 1) throw new RangeError(`Not a page size: ${elementsPerPage}`);
  const totalPages = Math.max(1, Math.ceil(totalElements / elementsPerPage));
  const listUrl = page.listUrl ?? oparlUrls(base).meetings;
  const pageUrl = (n: number) => {
    const url = new URL(listUrl);
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  return {
    data: meetings.map((m) => oparlMeeting(m, base)),
    pagination: { totalElements, elementsPerPage, currentPage, totalPages },
    links: {
      first: pageUrl(1),
      ...(currentPage > 1 ? { prev: pageUrl(Math.min(currentPage - 1, totalPages)) } : {}),
      self: pageUrl(currentPage),
      ...(currentPage < totalPages ? { next: pageUrl(currentPage + 1) } : {}),
      last: pageUrl(totalPages),
      ...(page.web ? { web: page.web } : {}),
    },
  };
}
