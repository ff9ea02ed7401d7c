import { assertWellFormed, decodeXml } from '../../testing/read-docx';
import {
  foldLine,
  icsText,
  meetingsIcs,
  oparlAgendaItem,
  oparlFile,
  oparlMeeting,
  oparlMeetingList,
  oparlOrganization,
  oparlUrls,
  publicationsAtom,
  publicationTitle,
  PublicFile,
  PublicMeeting,
  stockholmMoment,
  stockholmOffsetMinutes,
  swedishGenitive,
} from './public-feeds';

const BASE = 'https://nacka.rapportflode.se/oparl/v1/';
const ROOT = 'https://nacka.rapportflode.se/oparl/v1';

const file = (id: string, name: string, extra: Partial<PublicFile> = {}): PublicFile => ({
  id,
  name,
  url: `https://nacka.rapportflode.se/offentligt/filer/${id}/${encodeURIComponent(name)}.pdf`,
  htmlUrl: null,
  size: 182_930,
  sha256: 'A3F1C0B7D2E4F6A8B9C0D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2',
  mimeType: 'application/pdf',
  publishedAt: '2026-12-08T09:00:00.000Z',
  ...extra,
});

const LONG_TITLE =
  'Yttrande över remiss om ändrade riktlinjer för bistånd åt äldre och personer med funktionsnedsättning – särskilt boende, hemtjänst, växelvård; korttidsvistelse, ledsagning 🙂';

const KALLELSE = file('k-1', 'Kallelse 15 december 2026', { htmlUrl: 'https://nacka.rapportflode.se/offentligt/filer/k-1/kallelse.html' });

const december: PublicMeeting = {
  id: '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60',
  committeeId: 'c0ffee00-0000-4000-8000-000000000001',
  committee: 'Socialnämnden',
  municipality: 'Nacka kommun',
  date: '2026-12-15',
  startTime: '13:00',
  place: 'Sammanträdesrum Jelgava, Nacka stadshus; Granitvägen 15',
  state: 'kallelse_sent',
  url: 'https://nacka.rapportflode.se/offentligt/sammantraden/6f1c2a4e',
  kallelse: KALLELSE,
  items: [
    {
      id: 'i-2',
      number: 2,
      kind: 'decision',
      title: 'Ärende enligt LVU',
      secret: true,
      diaryNumber: 'SN 2026/130',
      proposal: ['Socialnämnden ansöker om vård.'],
      // Given here although the caller never would: the feeds drop a secret ärende's files.
      files: [file('f-secret', 'Utredning Kalle Svensson')],
    },
    {
      id: 'i-1',
      number: 1,
      kind: 'decision',
      title: 'Delårsrapport 2026',
      secret: false,
      diaryNumber: 'SN 2026/112',
      proposal: ['Socialnämnden godkänner delårsrapporten.'],
      files: [file('f-1', 'Tjänsteskrivelse Delårsrapport 2026'), file('f-2', 'Delårsrapport 2026')],
    },
    { id: 'i-3', number: 3, kind: 'information', title: LONG_TITLE, secret: false, diaryNumber: null, proposal: [], files: [] },
    { id: 'i-4', number: 4, kind: 'notification', title: 'Sökväg C:\\delning\\protokoll,\nny rad', secret: false, diaryNumber: null, proposal: [], files: [] },
  ],
  publishedAt: '2026-12-08T09:00:00.000Z',
  modifiedAt: '2026-12-09T14:30:00.000Z',
};

const june: PublicMeeting = {
  ...december,
  id: 'juni-2026',
  date: '2026-06-09',
  startTime: '18:00',
  durationMinutes: 90,
  state: 'planned',
  kallelse: null,
  items: [],
  publishedAt: null,
  modifiedAt: '2026-05-01T08:00:00Z',
};

// Starts in winter time and ends after the change to summer time (02.00 → 03.00 on 29 March 2026).
const overnight: PublicMeeting = {
  ...december,
  id: 'b5d0e3c1-7a2f-4e9b-8c6d-5a4b3c2d1e0f',
  committee: 'Kultur- & fritidsnämnden <extra> "Nattmöte"',
  date: '2026-03-28',
  startTime: '23:00',
  state: 'held',
  kallelse: file('k-2', 'Kallelse 28 mars 2026', { size: 4096.7 }),
  items: [{ id: 'n-1', number: 1, kind: 'decision', title: 'Budget < 0 & "oklar"', secret: false, diaryNumber: null, proposal: [], files: [] }],
  publishedAt: '2026-03-20T10:00:00Z',
  modifiedAt: '2026-03-19T10:00:00Z',
};

const NOW = new Date('2026-12-10T07:45:12.345Z');

// --- A small RFC 5545 reader for the tests -----------------------------------------------------

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  components: Component[];
}

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

function parseIcs(text: string): Component {
  const lines = unfold(text).split('\r\n');
  expect(lines.pop()).toBe('');
  const root: Component = { name: '', properties: [], components: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a content line: ${line}`);
    const [name, ...paramParts] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1];
    if (name === 'BEGIN') {
      const component: Component = { name: value, properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
      top.properties.push({ name, params, value });
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.components).toHaveLength(1);
  return root.components[0];
}

function child(c: Component, name: string): Component {
  const found = c.components.find((x) => x.name === name);
  if (!found) throw new Error(`no ${name} in ${c.name}`);
  return found;
}
const prop = (c: Component, name: string) => c.properties.find((p) => p.name === name);
const value = (c: Component, name: string) => prop(c, name)?.value;

describe('Stockholm time', () => {
  it('has CET and CEST with the EU change at 01:00 UTC on the last Sunday of March and October (checked against Intl)', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' });
    const offsetOf = (ms: number) => {
      const name = intl.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    };
    const wrong: string[] = [];
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 5 * 3_600_000 + 17 * 60_000) {
      if (stockholmOffsetMinutes(ms) !== offsetOf(ms)) wrong.push(new Date(ms).toISOString());
    }
    expect(wrong).toEqual([]);
    expect(stockholmOffsetMinutes(Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(stockholmOffsetMinutes(Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(stockholmOffsetMinutes(Date.UTC(2026, 9, 25, 0, 59))).toBe(120);
    expect(stockholmOffsetMinutes(Date.UTC(2026, 9, 25, 1, 0))).toBe(60);
  });

  it('reads a wall-clock time, the doubled October hour as summer time and the missing March hour forward', () => {
    expect(stockholmMoment('2026-12-15', '13:00')).toEqual({ utc: Date.UTC(2026, 11, 15, 12), offset: 60 });
    expect(stockholmMoment('2026-06-09', '18:00')).toEqual({ utc: Date.UTC(2026, 5, 9, 16), offset: 120 });
    expect(stockholmMoment('2026-10-25', '02:30')).toEqual({ utc: Date.UTC(2026, 9, 25, 0, 30), offset: 120 });
    expect(stockholmMoment('2026-03-29', '02:30')).toEqual({ utc: Date.UTC(2026, 2, 29, 1, 30), offset: 120 });
    expect(() => stockholmMoment('2026-02-30', '13:00')).toThrow(RangeError);
    expect(() => stockholmMoment('2026-12-15', '24:00')).toThrow(RangeError);
  });

  it('writes committee names in the genitive', () => {
    expect(swedishGenitive('Socialnämnden')).toBe('Socialnämndens');
    expect(swedishGenitive('Hans')).toBe('Hans');
  });
});

describe('meetingsIcs', () => {
  const ics = meetingsIcs([december, june, overnight], { calendarName: 'Socialnämndens sammanträden; Nacka, 2026', now: NOW });
  const calendar = parseIcs(ics);
  const events = calendar.components.filter((c) => c.name === 'VEVENT');

  it('ends every line with CRLF and folds at 75 octets of UTF-8, never inside a character', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const physical = ics.split('\r\n').slice(0, -1);
    for (const line of physical) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    // Greedy: a folded line is full up to the last character that still fits.
    const folded = foldLine(`DESCRIPTION:${'åäö'.repeat(40)}🙂x`).split('\r\n').slice(0, -1);
    for (const line of folded.slice(0, -1)) expect(Buffer.byteLength(line, 'utf8')).toBeGreaterThan(71);
    expect(unfold(folded.join('\r\n') + '\r\n')).toBe(`DESCRIPTION:${'åäö'.repeat(40)}🙂x\r\n`);
  });

  it('is a GREGORIAN 2.0 calendar with its name, product and the Europe/Stockholm VTIMEZONE', () => {
    expect(value(calendar, 'VERSION')).toBe('2.0');
    expect(unescapeText(value(calendar, 'PRODID') ?? '')).toBe('-//Rapportflöde//Sammanträden//SV');
    expect(value(calendar, 'CALSCALE')).toBe('GREGORIAN');
    expect(unescapeText(value(calendar, 'X-WR-CALNAME') ?? '')).toBe('Socialnämndens sammanträden; Nacka, 2026');
    expect(value(calendar, 'X-WR-CALNAME')).toBe('Socialnämndens sammanträden\\; Nacka\\, 2026');
    const tz = child(calendar, 'VTIMEZONE');
    expect(value(tz, 'TZID')).toBe('Europe/Stockholm');
    const daylight = child(tz, 'DAYLIGHT');
    const standard = child(tz, 'STANDARD');
    expect([value(daylight, 'TZOFFSETFROM'), value(daylight, 'TZOFFSETTO'), value(daylight, 'TZNAME'), value(daylight, 'RRULE')]).toEqual([
      '+0100',
      '+0200',
      'CEST',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    ]);
    expect([value(standard, 'TZOFFSETFROM'), value(standard, 'TZOFFSETTO'), value(standard, 'TZNAME'), value(standard, 'RRULE')]).toEqual([
      '+0200',
      '+0100',
      'CET',
      'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    ]);
    expect(value(daylight, 'DTSTART')).toBe('19700329T020000');
    expect(value(standard, 'DTSTART')).toBe('19701025T030000');
  });

  it('has one VEVENT per meeting in date order, in Stockholm time, with the end after the meeting’s duration', () => {
    expect(events.map((e) => value(e, 'UID'))).toEqual([`${overnight.id}@rapportflode`, 'juni-2026@rapportflode', `${december.id}@rapportflode`]);
    const [night, summer, winter] = events;
    expect(prop(winter, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Stockholm' }, value: '20261215T130000' });
    expect(prop(winter, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Europe/Stockholm' }, value: '20261215T160000' });
    expect([value(summer, 'DTSTART'), value(summer, 'DTEND')]).toEqual(['20260609T180000', '20260609T193000']);
    // Three hours from 23.00 winter time, across the change: 03.00 summer time.
    expect([value(night, 'DTSTART'), value(night, 'DTEND')]).toEqual(['20260328T230000', '20260329T030000']);
    for (const event of events) {
      expect(value(event, 'DTSTAMP')).toBe('20261210T074512Z');
      expect(value(event, 'STATUS')).toBe('CONFIRMED');
    }
    expect(value(winter, 'LAST-MODIFIED')).toBe('20261209T143000Z');
    expect(value(winter, 'URL')).toBe(december.url);
  });

  it('escapes TEXT so that Swedish text, commas, semicolons, backslashes and line breaks come back unchanged', () => {
    const winter = events[2];
    expect(unescapeText(value(winter, 'SUMMARY') ?? '')).toBe('Socialnämnden sammanträder');
    expect(value(winter, 'LOCATION')).toBe('Sammanträdesrum Jelgava\\, Nacka stadshus\\; Granitvägen 15');
    expect(unescapeText(value(winter, 'LOCATION') ?? '')).toBe(december.place);
    expect(unescapeText(value(winter, 'DESCRIPTION') ?? '')).toBe(
      [
        'Föredragningslista:',
        '1. Delårsrapport 2026',
        '2. Ärende enligt LVU',
        `3. ${LONG_TITLE}`,
        '4. Sökväg C:\\delning\\protokoll,\nny rad',
        '',
        `Handlingar: ${december.url}`,
      ].join('\n'),
    );
    expect(unescapeText(value(events[0], 'SUMMARY') ?? '')).toBe('Kultur- & fritidsnämnden <extra> "Nattmöte" sammanträder');
    expect(ics).not.toContain('Kalle Svensson');
    for (const sample of ['a\\b;c,d\ne', 'C:\\\\x\\n', 'rad\r\nrad\rrad', 'tab\there']) {
      expect(unescapeText(icsText(sample))).toBe(sample.replace(/\r\n?/g, '\n'));
      expect(icsText(sample)).not.toMatch(/[\r\n]|(^|[^\\])(\\\\)*[;,]/);
    }
    expect(icsText('klocka\u0007')).toBe('klocka');
  });
});

describe('publicationsAtom', () => {
  const atom = publicationsAtom([june, december, overnight], {
    feedUrl: 'https://nacka.rapportflode.se/offentligt/handlingar.atom',
    siteUrl: 'https://nacka.rapportflode.se/offentligt',
    title: 'Handlingar från Nacka kommuns nämnder',
    now: NOW,
  });
  const entries = [...atom.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
  const textOf = (xml: string, tag: string) => decodeXml(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '');

  it('is well-formed Atom in Swedish with the feed’s id, self link and latest update', () => {
    assertWellFormed(atom, 'atom');
    expect(atom.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">')).toBe(true);
    const head = atom.slice(0, atom.indexOf('<entry>'));
    expect(textOf(head, 'id')).toBe('https://nacka.rapportflode.se/offentligt/handlingar.atom');
    expect(head).toContain('<link rel="self" type="application/atom+xml" href="https://nacka.rapportflode.se/offentligt/handlingar.atom"/>');
    expect(textOf(head, 'updated')).toBe('2026-12-09T14:30:00Z');
    expect(textOf(head, 'author')).toBe('<name>Nacka kommun</name>');
  });

  it('has one entry per published meeting, newest change first, with its title, page and the kallelse as enclosure', () => {
    expect(entries).toHaveLength(2);
    const [dec, night] = entries;
    expect(textOf(dec, 'id')).toBe(`urn:uuid:${december.id}`);
    expect(textOf(dec, 'title')).toBe('Handlingar till Socialnämndens sammanträde 15 december 2026');
    expect(textOf(dec, 'published')).toBe('2026-12-08T09:00:00Z');
    expect(textOf(dec, 'updated')).toBe('2026-12-09T14:30:00Z');
    expect(dec).toContain(`<link rel="alternate" type="text/html" href="${december.url}"/>`);
    expect(dec).toContain(
      `<link rel="enclosure" type="application/pdf" length="182930" title="Kallelse 15 december 2026" href="${KALLELSE.url}"/>`,
    );
    expect(textOf(dec, 'summary')).toBe(
      'Socialnämnden sammanträder tisdag 15 december 2026 kl. 13.00, Sammanträdesrum Jelgava, Nacka stadshus; Granitvägen 15.',
    );
    expect(dec).toContain('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">');
    expect(dec).toContain('<li value="2">Ärende enligt LVU</li>');
    expect(dec).not.toContain('Kalle Svensson');
    // Never updated before it was published.
    expect(textOf(night, 'updated')).toBe('2026-03-20T10:00:00Z');
    expect(night).toContain('length="4096"');
  });

  it('escapes < & > " in text and attributes', () => {
    const night = entries[1];
    expect(night).toContain('<title type="text">Handlingar till Kultur- &amp; fritidsnämnden &lt;extra&gt; &quot;Nattmöte&quot;s sammanträde 28 mars 2026</title>');
    expect(textOf(night, 'title')).toBe(publicationTitle(overnight));
    expect(night).toContain('<li value="1">Budget &lt; 0 &amp; &quot;oklar&quot;</li>');
    expect(atom).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    const hostile = publicationsAtom([{ ...december, url: 'https://x.se/?a=1&b="2"<3>' }], { feedUrl: 'https://x.se/f', siteUrl: 'https://x.se', title: 'A & B\u0001', now: NOW });
    assertWellFormed(hostile, 'hostile atom');
    expect(hostile).toContain('href="https://x.se/?a=1&amp;b=&quot;2&quot;&lt;3&gt;"');
    expect(hostile).toContain('<title type="text">A &amp; B</title>');
  });

  it('is a valid empty feed when nothing is published', () => {
    const empty = publicationsAtom([june], { feedUrl: 'https://x.se/f', siteUrl: 'https://x.se', title: 'Handlingar', now: NOW });
    assertWellFormed(empty, 'empty atom');
    expect(empty).not.toContain('<entry>');
    expect(textOf(empty, 'updated')).toBe('2026-12-10T07:45:12Z');
    expect(textOf(empty, 'author')).toBe('<name>Handlingar</name>');
  });
});

describe('OParl 1.1', () => {
  type Json = Record<string, unknown>;
  const meeting = oparlMeeting(december, BASE) as Json;

  it('gives a Meeting with Stockholm offsets, the Swedish state, the location, invitation and agenda items embedded', () => {
    expect(meeting).toMatchObject({
      id: `${ROOT}/meetings/${december.id}`,
      type: 'https://schema.oparl.org/1.1/Meeting',
      name: 'Socialnämndens sammanträde 15 december 2026',
      meetingState: 'Kallelse utskickad',
      start: '2026-12-15T13:00:00+01:00',
      end: '2026-12-15T16:00:00+01:00',
      location: {
        id: `${ROOT}/locations/${december.id}`,
        type: 'https://schema.oparl.org/1.1/Location',
        description: december.place,
        created: '2026-12-08T09:00:00Z',
        modified: '2026-12-09T14:30:00Z',
      },
      organization: [`${ROOT}/organizations/${december.committeeId}`],
      web: december.url,
      created: '2026-12-08T09:00:00Z',
      modified: '2026-12-09T14:30:00Z',
    });
    expect(oparlMeeting(june, BASE)).toMatchObject({ start: '2026-06-09T18:00:00+02:00', end: '2026-06-09T19:30:00+02:00', meetingState: 'Planerat', created: '2026-05-01T08:00:00Z' });
    expect(oparlMeeting(june, BASE)).not.toHaveProperty('invitation');
    expect(oparlMeeting(overnight, BASE)).toMatchObject({ start: '2026-03-28T23:00:00+01:00', end: '2026-03-29T03:00:00+02:00', meetingState: 'Genomfört' });
    expect(Date.parse('2026-03-29T03:00:00+02:00') - Date.parse('2026-03-28T23:00:00+01:00')).toBe(3 * 3_600_000);
  });

  it('gives the kallelse and the handlingar as Files with their names, sizes, URLs and checksum', () => {
    expect(meeting['invitation']).toEqual({
      id: `${ROOT}/files/k-1`,
      type: 'https://schema.oparl.org/1.1/File',
      name: 'Kallelse 15 december 2026',
      fileName: 'Kallelse 15 december 2026.pdf',
      mimeType: 'application/pdf',
      date: '2026-12-08',
      size: 182930,
      accessUrl: KALLELSE.url,
      web: 'https://nacka.rapportflode.se/offentligt/filer/k-1/kallelse.html',
      'rf:sha256': KALLELSE.sha256.toLowerCase(),
      created: '2026-12-08T09:00:00Z',
      modified: '2026-12-08T09:00:00Z',
    });
    const standalone = oparlFile(file('x', 'Bilaga.pdf', { url: 'https://x.se/hamta?id=7' }), BASE, { meeting: `${ROOT}/meetings/m`, agendaItem: `${ROOT}/agenda-items/a` });
    expect(standalone).toMatchObject({ name: 'Bilaga', fileName: 'Bilaga.pdf', meeting: [`${ROOT}/meetings/m`], agendaItem: [`${ROOT}/agenda-items/a`] });
    // A file's date is its day in Stockholm.
    expect(oparlFile(file('y', 'Sen', { publishedAt: '2026-12-08T23:30:00Z' }), BASE)).toMatchObject({ date: '2026-12-09' });
  });

  it('numbers the agenda items in order; a secret one is not public, has only its public title and no files', () => {
    const items = meeting['agendaItem'] as Json[];
    expect(items.map((i) => [i['number'], i['order'], i['name'], i['public']])).toEqual([
      ['1', 1, 'Delårsrapport 2026', true],
      ['2', 2, 'Ärende enligt LVU', false],
      ['3', 3, LONG_TITLE, true],
      ['4', 4, 'Sökväg C:\\delning\\protokoll,\nny rad', true],
    ]);
    expect(items[0]).toMatchObject({
      id: `${ROOT}/agenda-items/i-1`,
      type: 'https://schema.oparl.org/1.1/AgendaItem',
      meeting: `${ROOT}/meetings/${december.id}`,
      keyword: ['Beslutsärende'],
    });
    expect((items[0]['auxiliaryFile'] as Json[]).map((f) => f['name'])).toEqual(['Tjänsteskrivelse Delårsrapport 2026', 'Delårsrapport 2026']);
    const secret = oparlAgendaItem(december.items[0], december, BASE) as Json;
    expect(secret).not.toHaveProperty('auxiliaryFile');
    expect(Object.keys(secret)).not.toEqual(expect.arrayContaining(['result', 'resolutionText', 'resolutionFile']));
    expect(JSON.stringify(meeting)).not.toContain('Kalle Svensson');
    expect(JSON.stringify(meeting)).not.toContain('f-secret');
    expect(items[2]).not.toHaveProperty('auxiliaryFile');
  });

  it('pages the meeting list with data, pagination and links that keep the list’s filters', () => {
    const listUrl = `${ROOT}/meetings?modified_since=2026-01-01T00%3A00%3A00%2B01%3A00`;
    const middle = oparlMeetingList([december, june], BASE, { currentPage: 2, elementsPerPage: 2, totalElements: 5, listUrl }) as Json;
    expect((middle['data'] as Json[]).map((m) => m['id'])).toEqual([`${ROOT}/meetings/${december.id}`, `${ROOT}/meetings/juni-2026`]);
    expect(middle['pagination']).toEqual({ totalElements: 5, elementsPerPage: 2, currentPage: 2, totalPages: 3 });
    const links = middle['links'] as Record<string, string>;
    expect(links).toEqual({
      first: `${ROOT}/meetings?modified_since=2026-01-01T00%3A00%3A00%2B01%3A00&page=1`,
      prev: `${ROOT}/meetings?modified_since=2026-01-01T00%3A00%3A00%2B01%3A00&page=1`,
      self: `${ROOT}/meetings?modified_since=2026-01-01T00%3A00%3A00%2B01%3A00&page=2`,
      next: `${ROOT}/meetings?modified_since=2026-01-01T00%3A00%3A00%2B01%3A00&page=3`,
      last: `${ROOT}/meetings?modified_since=2026-01-01T00%3A00%3A00%2B01%3A00&page=3`,
    });
    for (const url of Object.values(links)) expect(new URL(url).searchParams.get('modified_since')).toBe('2026-01-01T00:00:00+01:00');
    const only = oparlMeetingList([], BASE, { currentPage: 1, elementsPerPage: 100, totalElements: 0 }) as Json;
    expect(only['data']).toEqual([]);
    expect(only['pagination']).toEqual({ totalElements: 0, elementsPerPage: 100, currentPage: 1, totalPages: 1 });
    expect(only['links']).toEqual({ first: `${ROOT}/meetings?page=1`, self: `${ROOT}/meetings?page=1`, last: `${ROOT}/meetings?page=1` });
    expect(() => oparlMeetingList([], BASE, { currentPage: 0, elementsPerPage: 10, totalElements: 0 })).toThrow(RangeError);
  });
});

describe('OParl Organization and Location', () => {
  it('gives the nämnd and a meeting’s place the URLs the meeting links to', () => {
    const base = 'https://rapportflode.example.se/api/public/oparl';
    const organization = oparlOrganization({ id: 'c1', name: 'Socialnämnden', municipality: 'Gnesta kommun' }, base, {
      meetings: `${base}/committees/c1/meetings`,
      web: 'https://rapportflode.example.se/offentligt/c1',
    }) as Record<string, unknown>;
    expect(organization).toMatchObject({ id: `${base}/organizations/c1`, type: 'https://schema.oparl.org/1.1/Organization', name: 'Socialnämnden, Gnesta kommun', meeting: `${base}/committees/c1/meetings` });
    expect(oparlUrls(base).organization('c1')).toBe(organization['id']);
  });
});
