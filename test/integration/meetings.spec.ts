import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingDto, MeetingListResponse, MemoDto, NotificationListResponse, PublicMeetingDto, PublicCommitteeDto } from '@rapportflode/api-contract';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { DataSource } from 'typeorm';
import { addWorkingDays, formatDate, meetingTimeInWords } from '@rapportflode/domain';
import { MeetingSchedule } from '../../backend/src/modules/meetings/meeting-schedule';
import { useTestApp } from './support/app';
import { openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn, signedInAll } from './support/http';

const ULLA = 'ulla.berg@gnesta.example.se';
const HANNA = 'hanna.ljung@nacka.example.se';
/** Skatteverket's published test number: a valid personnummer that belongs to nobody. */
const TEST_PERSONNUMMER = '19121212-1212';

async function pdf(pages: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  }
  return Buffer.from(await doc.save());
}

function form(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
  return data;
}

describe('the nämnd meeting: ärenden, kallelse, package, personal-data check, publication', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let secretary: HttpClient;
  let director: HttpClient;
  let member: HttpClient;
  let nackaMember: HttpClient;
  let nackaSecretary: HttpClient;
  let anonymous: HttpClient;
  let gnestaId: string;
  let meeting: MeetingDto;
  const db = () => app.running.app.get(DataSource);
  const mailsTo = async (address: string, subjectLike: string) =>
    db().query(`SELECT subject, text_body FROM captured_mail WHERE to_address = $1 AND subject LIKE $2 ORDER BY id`, [address, subjectLike]);
  const waitFor = async (what: string, check: () => Promise<boolean>, ms = 20_000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    const base = app.running.baseUrl;
    [secretary, director, member, nackaSecretary] = await signedInAll(base, [DEMO.secretary, DEMO.director, ULLA, DEMO.nackaSecretary]);
    nackaMember = await signedIn(base, HANNA);
    anonymous = new HttpClient(base);
    const [row] = await db().query(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun' AND name = 'Socialnämnden'`);
    gnestaId = row.id;
  });

  it('the demo plans a meeting on the running cycle’s date with its ärende, which cannot be sent before the tjänsteskrivelse is approved', async () => {
    const list = await secretary.get<MeetingListResponse>(`/api/committees/${gnestaId}/meetings`);
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(true);
    expect(list.body.meetings).toHaveLength(1);
    const demo = (await secretary.get<MeetingDto>(`/api/meetings/${list.body.meetings[0].id}`)).body;
    expect(demo.state).toBe('planned');
    expect(demo.items.map((i) => [i.number, i.section, i.title])).toEqual([
      [1, 'decisions', expect.stringMatching(/^Delårsrapport \d{4} för socialnämnden$/)],
      [2, 'notifications', 'Anmälan av delegationsbeslut'],
    ]);
    expect(demo.items[0].documents).toEqual([expect.objectContaining({ kind: 'memo', ready: false })]);
    expect(demo.sendBlockers).toContain('Ärende 1: tjänsteskrivelsen är inte godkänd.');
    // A member reads their own nämnd's meeting, not another's; nobody reads it signed out.
    expect((await member.get<MeetingDto>(`/api/meetings/${demo.id}`)).body.permissions).toEqual({ manage: false, read: true, member: true });
    expect((await nackaMember.get(`/api/meetings/${demo.id}`)).status).toBe(404);
    expect((await nackaSecretary.get(`/api/committees/${gnestaId}/meetings`)).status).toBe(404);
    expect((await anonymous.get(`/api/meetings/${demo.id}`)).status).toBe(401);
    expect((await member.put(`/api/meetings/${demo.id}`, { version: demo.version, date: demo.date, startTime: '09:00', place: 'X' })).status).toBe(403);
  });

  it('refuses a meeting with bad facts in Swedish and stores nothing', async () => {
    const before = await db().query(`SELECT count(*)::int AS n FROM meeting`);
    const bad = await secretary.post<{ code: string; details: string[] }>(`/api/committees/${gnestaId}/meetings`, {
      date: '2027-02-30',
      startTime: '25:00',
      place: ' ',
      participants: [{ name: 'Ada', email: 'inte-en-adress', role: 'member' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('meeting_invalid');
    expect(bad.body.details).toEqual([
      'Ange sammanträdets datum som ÅÅÅÅ-MM-DD.',
      'Ange starttiden som TT:MM, till exempel 13:00.',
      'Ange var sammanträdet hålls.',
      'Rad 1: e-postadressen inte-en-adress ser inte ut som en e-postadress.',
    ]);
    expect(await db().query(`SELECT count(*)::int AS n FROM meeting`)).toEqual(before);
  });

  it('plans a meeting, takes ärenden by hand, orders the list, checks every bilaga', async () => {
    const created = await secretary.post<MeetingDto>(`/api/committees/${gnestaId}/meetings`, {
      date: '2027-03-16',
      startTime: '13:00',
      place: 'Kommunhuset, sal Frösjön',
      chairName: 'Per Ström',
      secretaryName: 'Maria Holm',
      participants: [
        { name: 'Per Ström', email: DEMO.reader, role: 'member', party: 'S' },
        { name: 'Ulla Berg', email: ULLA, role: 'member', party: 'M' },
        { name: 'Åsa Hed', email: 'asa.hed@gnesta.example.se', role: 'substitute' },
        { name: 'Leif Nord', role: 'substitute' },
      ],
    });
    expect(created.status).toBe(201);
    meeting = created.body;
    expect(meeting.kallelseDeadline).toBe('2027-03-05'); // 7 working days before Tuesday 16 March
    const add = (body: object) => secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/items`, { version: meeting.version, ...body });
    const noOsl = await add({ kind: 'decision', title: 'Placering enligt LVU', secret: true, secrecyReference: 'hemligt' });
    expect(noOsl.status).toBe(400);
    expect((noOsl.body as unknown as { details: string[] }).details).toEqual([
      'Sekretessgrunden saknas eller har fel form. Ange sekretessgrunden som kapitel och paragraf, till exempel "26 kap. 1 § OSL".',
      'Ett ärende med sekretess behöver en offentlig rubrik: den visas i den offentliga versionen.',
    ]);
    meeting = (await add({ kind: 'information', title: 'Information om lokalförsörjning' })).body;
    meeting = (await add({ kind: 'decision', title: 'Yttrande över revisionsrapport', diaryNumber: 'SN 2027/12', proposal: ['Nämnden antar yttrandet.', 'Paragrafen justeras omedelbart.'] })).body;
    meeting = (
      await add({ kind: 'decision', title: 'Placering enligt LVU av barn född 2015', publicTitle: 'Ärende enligt LVU', secret: true, secrecyReference: '26 kap. 1 § OSL' })
    ).body;
    // Sections first, then the secretary's order: the decisions come before the information item.
    expect(meeting.items.map((i) => `${i.number} ${i.title}`)).toEqual([
      '1 Yttrande över revisionsrapport',
      '2 Placering enligt LVU av barn född 2015',
      '3 Information om lokalförsörjning',
    ]);
    const ids = meeting.items.map((i) => i.id);
    const stale = await secretary.put(`/api/meetings/${meeting.id}/order`, { version: meeting.version - 1, itemIds: ids });
    expect(stale.status).toBe(409);
    const missing = await secretary.put(`/api/meetings/${meeting.id}/order`, { version: meeting.version, itemIds: ids.slice(1) });
    expect(missing.status).toBe(400);
    meeting = (await secretary.put<MeetingDto>(`/api/meetings/${meeting.id}/order`, { version: meeting.version, itemIds: [ids[1], ids[0], ids[2]] })).body;
    expect(meeting.items.map((i) => i.number + ' ' + i.title.slice(0, 9))).toEqual(['1 Placering', '2 Yttrande ', '3 Informati']);

    const item = meeting.items.find((i) => i.title.startsWith('Yttrande'))!;
    const upload = (file: { name: string; bytes: Buffer; type?: string }, fields: Record<string, string> = {}) =>
      secretary.request<{ code: string; message: string }>('POST', `/api/meetings/${meeting.id}/items/${item.id}/attachments`, undefined, { form: form({ version: String(meeting.version), ...fields }, file) });
    const png = await upload({ name: 'rapport.pdf', bytes: Buffer.from('\x89PNG\r\n\x1a\n0000000000'), type: 'application/pdf' });
    expect(png.status).toBe(415);
    expect(png.body.message).toContain('är ingen PDF');
    const dir = mkdtempSync(join(tmpdir(), 'rf-bilaga-'));
    try {
      writeFileSync(join(dir, 'in.pdf'), await pdf([['Revisionsrapport']]));
      execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', join(dir, 'in.pdf'), join(dir, 'enc.pdf')]);
      const encrypted = await upload({ name: 'krypterad.pdf', bytes: readFileSync(join(dir, 'enc.pdf')) });
      expect(encrypted.status).toBe(400);
      expect(encrypted.body.code).toBe('attachment_encrypted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Over the limit: refused while it streams in, in Swedish, with nothing stored.
    const huge = await upload({ name: 'stor.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(51 * 1024 * 1024, 0x20)]) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'attachment_too_large', message: expect.stringContaining('50 MB') });
    const withScript = await PDFDocument.load(await pdf([['Hej']]));
    withScript.addJavaScript('hello', 'app.alert("x")');
    const js = await upload({ name: 'skript.pdf', bytes: Buffer.from(await withScript.save()) });
    expect(js.status).toBe(400);
    expect(js.body.code).toBe('attachment_active_content');
    expect((await db().query(`SELECT count(*)::int AS n FROM agenda_document WHERE item_id = $1`, [item.id]))[0].n).toBe(0);
    const good = await upload(
      { name: 'Revisionsrapport.pdf', bytes: await pdf([['Revisionsrapport 2026', 'Granskningen visar brister.'], ['Kontakt: revisor', `Ärendet gäller ${TEST_PERSONNUMMER}.`]]) },
      { title: 'Bilaga 1 Revisionsrapport' },
    );
    expect(good.status).toBe(200);
    meeting = good.body as unknown as MeetingDto;
    expect(meeting.items.find((i) => i.id === item.id)!.documents).toEqual([expect.objectContaining({ kind: 'attachment', title: 'Bilaga 1 Revisionsrapport', pages: 2 })]);
    const secretItem = meeting.items.find((i) => i.secret)!;
    meeting = (
      await secretary.request<MeetingDto>('POST', 
        `/api/meetings/${meeting.id}/items/${secretItem.id}/attachments`,
        undefined,
        { form: form({ version: String(meeting.version), title: 'Utredning' }, { name: 'utredning.pdf', bytes: await pdf([['Utredning om barnet']]) }) },
      )
    ).body;
  });

  it('sends the kallelse once to every ledamot and ersättare with an address, and a rättelse only with a reason', async () => {
    const [a, b] = await Promise.all([
      secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/kallelse`, { version: meeting.version }),
      secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/kallelse`, { version: meeting.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    meeting = (a.status === 200 ? a : b).body;
    expect(meeting.state).toBe('kallelse_sent');
    expect(meeting.kallelseVersions).toHaveLength(1);
    await waitFor('three kallelse mails', async () => (await db().query(`SELECT count(*)::int AS n FROM meeting_mail WHERE status = 'sent'`))[0].n >= 3);
    for (const address of [DEMO.reader, ULLA, 'asa.hed@gnesta.example.se']) {
      const mails = await mailsTo(address, 'Kallelse till Socialnämnden%');
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('Kallelse till Socialnämnden tisdag 16 mars 2027 kl. 13.00');
      expect(mails[0].text_body).toContain('Ärende enligt LVU');
      expect(mails[0].text_body).not.toContain('barn född 2015');
      expect(mails[0].text_body).toContain(`/sammantraden/${meeting.id}`);
    }
    const again = await secretary.post<{ code: string }>(`/api/meetings/${meeting.id}/kallelse`, { version: meeting.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('kallelse_already_sent');
    // A change after the kallelse needs its reason; without one nothing changes.
    const item = meeting.items.find((i) => i.kind === 'information')!;
    const noReason = await secretary.put<{ code: string }>(`/api/meetings/${meeting.id}/items/${item.id}`, { version: meeting.version, kind: 'information', title: 'Information om lokaler' });
    expect(noReason.status).toBe(409);
    expect(noReason.body.code).toBe('kallelse_change_reason_required');
    expect((await secretary.get<MeetingDto>(`/api/meetings/${meeting.id}`)).body.items.find((i) => i.id === item.id)!.title).toBe('Information om lokalförsörjning');
    const ids = meeting.items.map((i) => i.id);
    const movedWithoutReason = await secretary.put<{ code: string }>(`/api/meetings/${meeting.id}/order`, { version: meeting.version, itemIds: [ids[1], ids[0], ids[2]] });
    expect(movedWithoutReason.status).toBe(409);
    expect(movedWithoutReason.body.code).toBe('kallelse_change_reason_required');
    expect((await secretary.get<MeetingDto>(`/api/meetings/${meeting.id}`)).body.items.map((i) => i.id)).toEqual(ids);
    meeting = (
      await secretary.put<MeetingDto>(`/api/meetings/${meeting.id}/items/${item.id}`, { version: meeting.version, kind: 'information', title: 'Information om lokaler', reason: 'Rubriken ändrad' })
    ).body;
    expect(meeting.changedSinceKallelse).toBe(true);
    const rättelseNoReason = await secretary.post<{ code: string }>(`/api/meetings/${meeting.id}/kallelse`, { version: meeting.version });
    expect(rättelseNoReason.body.code).toBe('kallelse_change_reason_required');
    meeting = (await secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/kallelse`, { version: meeting.version, reason: 'Ärende 3 har fått ny rubrik.' })).body;
    expect(meeting.kallelseVersions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, 'Ärende 3 har fått ny rubrik.'],
    ]);
    await waitFor('the rättelse', async () => (await mailsTo(ULLA, 'Rättelse: kallelse%')).length === 1);
    expect((await mailsTo(ULLA, 'Rättelse: kallelse%'))[0].text_body).toContain('Ärende 3 har fått ny rubrik.');
    // Both versions are kept, each as it was sent.
    const v1 = await secretary.get<string>(`/api/meetings/${meeting.id}/kallelse?format=html&version=1`);
    expect(v1.body).toContain('Information om lokalförsörjning');
    const v2 = await secretary.get<string>(`/api/meetings/${meeting.id}/kallelse?format=html&version=2`);
    expect(v2.body).toContain('Information om lokaler');
    expect(v2.body).toContain('Rättelse');
  });

  it('compiles the handlingar: one bookmarked, numbered PDF and a ZIP; the public version leaves out the secret ärende’s handlingar', async () => {
    meeting = (await secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/package`, {})).body;
    expect(meeting.internalPackage?.files.map((f) => f.title)).toEqual(['Kallelse och föredragningslista', 'Utredning', 'Bilaga 1 Revisionsrapport']);
    expect(meeting.publicPackage?.files.map((f) => f.title)).toEqual(['Kallelse och föredragningslista', 'Bilaga 1 Revisionsrapport']);
    const dir = mkdtempSync(join(tmpdir(), 'rf-package-'));
    try {
      const merged = await secretary.download(`/api/meetings/${meeting.id}/package?format=pdf`);
      expect(merged.status).toBe(200);
      writeFileSync(join(dir, 'p.pdf'), merged.body);
      execFileSync('qpdf', ['--check', join(dir, 'p.pdf')]);
      const pages = Number(execFileSync('qpdf', ['--show-npages', join(dir, 'p.pdf')]).toString().trim());
      expect(pages).toBe(meeting.internalPackage!.pageCount);
      const outlines = JSON.stringify(JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', join(dir, 'p.pdf')]).toString()));
      expect(outlines).toContain('Placering enligt LVU av barn född 2015');
      expect(outlines).toContain('Bilaga 1 Revisionsrapport');
      const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), join(dir, 'p.pdf'), '-']).toString();
      expect(last).toContain(`Sida ${pages} av ${pages}`);
      const zip = await secretary.download(`/api/meetings/${meeting.id}/package?format=zip`);
      const files = unzipSync(new Uint8Array(zip.body));
      const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
      expect(JSON.stringify(manifest)).toContain('Bilaga 1 Revisionsrapport');
      const publicPdf = await secretary.download(`/api/meetings/${meeting.id}/package?format=pdf&audience=public`);
      writeFileSync(join(dir, 'pub.pdf'), publicPdf.body);
      const text = execFileSync('pdftotext', [join(dir, 'pub.pdf'), '-']).toString();
      expect(text).toContain('Ärende enligt LVU');
      expect(text).not.toContain('barn född 2015');
      expect(text).not.toContain('Utredning om barnet');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A member reads the package; the public one is the secretary's.
    expect((await member.download(`/api/meetings/${meeting.id}/package?format=pdf`)).status).toBe(200);
  });

  it('blocks publishing while a personnummer is unresolved, and publishes once it is judged with a reason', async () => {
    expect(meeting.scanHits).toEqual([expect.objectContaining({ kind: 'personnummer', match: TEST_PERSONNUMMER, document: 'Bilaga 1 Revisionsrapport', page: 2, resolution: null })]);
    const blocked = await secretary.post<{ code: string; message: string; details: string[] }>(`/api/meetings/${meeting.id}/publication`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('publication_blocked');
    expect(blocked.body.details).toEqual([`Bilaga 1 Revisionsrapport, sida 2: ${TEST_PERSONNUMMER}`]);
    expect((await anonymous.get<PublicCommitteeDto[]>('/api/public/committees')).body.some((c) => c.id === gnestaId)).toBe(false);
    const hit = meeting.scanHits[0];
    expect((await secretary.post(`/api/meetings/${meeting.id}/scan-hits/${hit.id}/resolve`, { reason: ' ' })).status).toBe(400);
    meeting = (await secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/scan-hits/${hit.id}/resolve`, { reason: 'Skatteverkets testnummer, ingen person.' })).body;
    expect(meeting.scanHits[0]).toMatchObject({ resolution: 'not_personal_data', resolvedByName: 'Maria Holm' });
    meeting = (await secretary.post<MeetingDto>(`/api/meetings/${meeting.id}/publication`, {})).body;
    expect(meeting.publication).toMatchObject({ releasedByName: 'Maria Holm', kallelseVersion: 2, hitsResolved: 1 });
    expect(meeting.publication!.scanned).toEqual([
      { document: 'Kallelse och föredragningslista', pages: expect.any(Number) },
      { document: 'Bilaga 1 Revisionsrapport', pages: 2 },
    ]);
    // Published handlingar stay as published: compiling the same kallelse version again is refused.
    const again = await secretary.post<{ code: string; message: string }>(`/api/meetings/${meeting.id}/package`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('är publicerade och sammanställs inte om');
    const audit = await db().query(`SELECT action FROM audit_event WHERE entity_type = 'meeting' AND entity_id = $1 ORDER BY id`, [meeting.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['meeting.kallelse_send', 'meeting.package', 'meeting.scan_hit_resolve', 'meeting.publish']));
  });

  it('shows anyone the published meeting without the secret ärende, as JSON, HTML, ICS, Atom and OParl', async () => {
    const committees = (await anonymous.get<PublicCommitteeDto[]>('/api/public/committees')).body;
    expect(committees).toEqual(expect.arrayContaining([expect.objectContaining({ id: gnestaId, name: 'Socialnämnden', meetingCount: 1 })]));
    const published = (await anonymous.get<PublicMeetingDto>(`/api/public/meetings/${meeting.id}`)).body;
    expect(published.items.map((i) => [i.number, i.title, i.secret, i.files.length])).toEqual([
      [1, 'Ärende enligt LVU', true, 0],
      [2, 'Yttrande över revisionsrapport', false, 1],
      [3, 'Information om lokaler', false, 0],
    ]);
    expect(JSON.stringify(published)).not.toContain('barn född 2015');
    const page = await anonymous.get<string>(`/api/public/meetings/${meeting.id}/page`);
    expect(page.body).toContain('<html lang="sv-SE">');
    expect(page.body).toContain('Sekretess enligt 26 kap. 1 § OSL');
    expect(page.body).not.toContain('barn född 2015');
    const file = await anonymous.download(`/api/public/files/${published.items[1].files[0].id}`);
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const merged = await anonymous.download(`/api/public/meetings/${meeting.id}/package`);
    expect(merged.status).toBe(200);
    expect(merged.headers.get('content-type')).toBe('application/pdf');
    const html = await anonymous.download(`/api/public/files/${published.kallelse!.id}?format=html`);
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'");
    expect(html.body.toString('utf8')).toContain('Ärende enligt LVU');
    const ics = (await anonymous.get<string>(`/api/public/committees/${gnestaId}/calendar.ics`)).body;
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(unfolded).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART;TZID=Europe\/Stockholm:20270316T130000[\s\S]*END:VEVENT/);
    expect(unfolded).toContain(`UID:${meeting.id}@rapportflode`);
    const atom = (await anonymous.get<string>(`/api/public/committees/${gnestaId}/feed.atom`)).body;
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const oparl = (await anonymous.get<{ type: string; agendaItem: Array<{ name: string; public: boolean }> }>(`/api/public/oparl/meetings/${meeting.id}`)).body;
    expect(oparl.type).toBe('https://schema.oparl.org/1.1/Meeting');
    expect(oparl.agendaItem.map((i) => [i.name, i.public])).toEqual([
      ['Ärende enligt LVU', false],
      ['Yttrande över revisionsrapport', true],
      ['Information om lokaler', true],
    ]);
    // Every URL the meeting names resolves: its nämnd and its place.
    const links = (await anonymous.get<{ organization: string[]; location: { id: string } }>(`/api/public/oparl/meetings/${meeting.id}`)).body;
    const path = (url: string) => new URL(url).pathname;
    expect((await anonymous.get<{ type: string; name: string }>(path(links.organization[0]))).body).toMatchObject({ type: 'https://schema.oparl.org/1.1/Organization', name: 'Socialnämnden, Gnesta kommun' });
    expect((await anonymous.get<{ description: string }>(path(links.location.id))).body.description).toBe('Kommunhuset, sal Frösjön');
    // Nothing unpublished is public: the demo meeting, an internal file.
    const demoId = (await secretary.get<MeetingListResponse>(`/api/committees/${gnestaId}/meetings`)).body.meetings.find((m) => m.id !== meeting.id)!.id;
    expect((await anonymous.get(`/api/public/meetings/${demoId}`)).status).toBe(404);
    const internalFile = meeting.internalPackage!.files.find((f) => f.title === 'Utredning')!;
    expect((await anonymous.get(`/api/public/files/${internalFile.id}`)).status).toBe(404);
  });

  it('lets a member keep private notes and report förhinder, which reaches the secretary in Notiser and by mail', async () => {
    const ref = meeting.internalPackage!.files[1].id;
    const noted = await member.put<MeetingDto>(`/api/meetings/${meeting.id}/notes/${ref}`, { text: 'Fråga om kostnaden.' });
    expect(noted.body.mine?.notes[ref]).toBe('Fråga om kostnaden.');
    expect((await secretary.get<MeetingDto>(`/api/meetings/${meeting.id}`)).body.mine).toBeNull();
    expect((await secretary.put(`/api/meetings/${meeting.id}/notes/${ref}`, { text: 'x' })).status).toBe(403);
    const absent = await member.post<MeetingDto>(`/api/meetings/${meeting.id}/absence`, { message: 'Sjuk.' });
    expect(absent.body.mine?.absent).toBe(true);
    expect(absent.body.participants.find((p) => p.name === 'Ulla Berg')?.absent).toBe(true);
    await member.post(`/api/meetings/${meeting.id}/absence`, {});
    const notices = (await secretary.get<NotificationListResponse>('/api/notifications')).body.notifications;
    expect(notices.filter((n) => n.text.startsWith('Ulla Berg har anmält förhinder'))).toHaveLength(1);
    await waitFor('the förhinder mail', async () => (await mailsTo(DEMO.secretary, 'Förhinder: Ulla Berg%')).length === 1);
    expect((await mailsTo(DEMO.secretary, 'Förhinder: Ulla Berg%'))[0].text_body).toContain('Sjuk.');
  });

  it('an approved tjänsteskrivelse becomes an ärende on the meeting its cycle names, with the memo and the frozen report', async () => {
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Delårsrapport'), 2027, 'SN 2027/73');
    await db().query(
      `INSERT INTO report_version (cycle_id, number, model, checksum, frozen_by) SELECT $1, 1, '{}'::jsonb, repeat('a', 64), id FROM app_user WHERE email = $2`,
      [cycle.id, DEMO.secretary],
    );
    const memo = (await secretary.get<MemoDto>(`/api/cycles/${cycle.id}/memo`)).body;
    const paragraph = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    const saved = await secretary.put<{ version: number }>(`/api/cycles/${cycle.id}/memo/content`, {
      version: 0,
      content: { ...memo.content, summary: paragraph('Nämnden redovisar delåret.'), description: paragraph('Förvaltningen har sammanställt rapporten.') },
    });
    const submitted = await secretary.post<MemoDto>(`/api/cycles/${cycle.id}/memo/transitions`, { transition: 'submit', version: saved.body.version });
    const approved = await director.post<MemoDto>(`/api/cycles/${cycle.id}/memo/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');
    const list = (await secretary.get<MeetingListResponse>(`/api/committees/${gnestaId}/meetings`)).body;
    const onDate = list.meetings.find((m) => m.date === '2027-10-05');
    expect(onDate).toMatchObject({ state: 'planned', itemCount: 1 });
    const got = (await secretary.get<MeetingDto>(`/api/meetings/${onDate!.id}`)).body;
    expect(got.items).toEqual([
      expect.objectContaining({
        title: 'Delårsrapport 2027',
        diaryNumber: 'SN 2027/73',
        proposal: ['Socialnämnden godkänner delårsrapporten för 2027.'],
        memoCycleId: cycle.id,
        documents: [expect.objectContaining({ kind: 'memo', ready: true }), expect.objectContaining({ kind: 'report', ready: true })],
      }),
    ]);
    // Looking again adds nothing twice.
    await secretary.get(`/api/committees/${gnestaId}/meetings`);
    expect((await db().query(`SELECT count(*)::int AS n FROM agenda_item WHERE memo_cycle_id = $1`, [cycle.id]))[0].n).toBe(1);
  });

  it('reminds the secretaries once when the kallelse’s last day has come and it has not gone out', async () => {
    // A meeting three working days ahead, with the default of seven: its last day is already past.
    const date = addWorkingDays(formatDate(new Date()), 3);
    const planned = await secretary.post<MeetingDto>(`/api/committees/${gnestaId}/meetings`, {
      date,
      startTime: '09:30',
      place: 'Kommunhuset',
      participants: [{ name: 'Ulla Berg', email: ULLA, role: 'member' }],
    });
    expect(planned.status).toBe(201);
    const subject = `Kallelsen till Socialnämnden ${meetingTimeInWords(date, '09:30')} är inte skickad`;
    await waitFor('the secretary’s reminder', async () => (await mailsTo(DEMO.secretary, subject)).length === 1);
    const notices = (await secretary.get<NotificationListResponse>('/api/notifications')).body.notifications;
    expect(notices.filter((n) => n.text.includes(`sammanträde ${date} ska skickas senast`))).toHaveLength(1);
    // Reconciling again (a restart) queues the same job id: no second mail.
    await app.running.app.get(MeetingSchedule).reconcile();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await mailsTo(DEMO.secretary, subject)).toHaveLength(1);
    expect(await mailsTo(ULLA, subject)).toHaveLength(0);
  });
});
