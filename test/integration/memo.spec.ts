import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoDto, MemoReviewQueueResponse, NotificationListResponse, SaveContentResponse, SaveMemoResponse, TaskDto } from '@rapportflode/api-contract';
import { MemoContent, plainText } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { GNESTA_ECONOMY_2021 } from '../../libs/domain/testing/gnesta-economy';
import { useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn, signedInAll } from './support/http';

const M = '\u2212';
const NB = '\u00a0';

/** Gnesta's nämnd table per augusti (references 003/004): result and forecast per verksamhetsområde. */
const GNESTA = GNESTA_ECONOMY_2021;

describe('the tjänsteskrivelse (memo) of a Gnesta Delårsrapport', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let secretary: HttpClient;
  let economist: HttpClient;
  let director: HttpClient;
  let cycleId: string;
  const path = () => `/api/cycles/${cycleId}/memo`;
  const paragraph = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
  /**
   * The cycle's report as frozen: a version row as report.spec.ts's freezing writes one, without
   * figures so that the memo's figures check still compares with the approved ones.
   */
  const markFrozen = async () => {
    const db = app.running.app.get(DataSource);
    await db.query(
      `INSERT INTO report_version (cycle_id, number, model, checksum, frozen_by)
       SELECT $1, 1, '{}'::jsonb, repeat('a', 64), id FROM app_user WHERE email = $2`,
      [cycleId, DEMO.secretary],
    );
  };

  beforeAll(async () => {
    const base = app.running.baseUrl;
    [secretary, economist, director] = await signedInAll(base, [DEMO.secretary, DEMO.economist, DEMO.director]);
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Delårsrapport'), 2014, 'SN.2014.73');
    cycleId = cycle.id;
    // The nämnd table, filled by the secretary and approved by the economist.
    const task: TaskDto = await myTask(secretary, cycleId, 'Nämndens resultat per augusti');
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: GNESTA });
    expect(saved.status).toBe(200);
    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');
  });

  it('opens prefilled: facts from the cycle, the proposal, the drafted economy, the beslutsunderlag and the signatures', async () => {
    const memo = (await secretary.get<MemoDto>(path())).body;
    expect(memo).toMatchObject({ state: 'not_started', version: 0, warnings: [], figuresSource: { kind: 'approved' } });
    expect(memo.facts).toMatchObject({ diaryNumber: 'SN.2014.73', committee: 'Socialnämnden', cycleTitle: 'Delårsrapport 2014' });
    expect(memo.content.title).toBe('Delårsrapport 2014');
    expect(memo.content.preparedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(memo.content.proposals).toEqual(['Socialnämnden godkänner delårsrapporten för 2014.']);
    const economy = plainText(memo.content.economicConsequences);
    expect(economy).toContain(`Socialnämndens resultat t.o.m. augusti uppgår till ${M}9${NB}504${NB}tkr.`);
    expect(economy).toContain(`Prognosen för socialnämnden uppgår till ${M}9${NB}030${NB}tkr.`);
    expect(economy).toContain(`Stöd och vägledning (${M}9${NB}002${NB}tkr)`);
    expect(economy).toContain(`Administration och bistånd (+18${NB}908${NB}tkr)`);
    expect(economy.endsWith(`Prognos: ${M}9${NB}030${NB}tkr`)).toBe(true);
    expect(memo.facts.report).toBe('Delårsrapport 2014 Socialnämnden');
    expect(memo.content.attachments).toEqual([`Tjänsteskrivelse ${memo.content.preparedOn}`]);
    expect(memo.content.signatures).toEqual([
      { name: 'Karin Lindqvist', title: 'Förvaltningschef' },
      { name: 'Johan Ek', title: 'Förvaltningsekonom' },
    ]);
    expect(memo.content.distribution).toEqual([]);
    expect(memo.permissions).toMatchObject({ view: true, edit: true, review: false });
    const asDirector = (await director.get<MemoDto>(path())).body;
    expect(asDirector.permissions).toMatchObject({ edit: false, review: true });
  });

  it('refuses bad content in Swedish and stores nothing; refuses a stale version', async () => {
    const db = app.running.app.get(DataSource);
    const memo = (await secretary.get<MemoDto>(path())).body;
    const bad = await secretary.put(`${path()}/content`, { version: 0, content: { ...memo.content, proposals: ['Godkänn.', ' '], preparedOn: 'igår' } });
    expect(bad).toMatchObject({ status: 400, body: { code: 'memo_invalid' } });
    expect((bad.body as { details: string[] }).details).toEqual([
      'Upprättad ska vara ett datum (ÅÅÅÅ-MM-DD).',
      'Förslag 2 är tomt. Skriv förslaget eller ta bort raden.',
    ]);
    expect(await db.query('SELECT 1 FROM memo WHERE cycle_id = $1', [cycleId])).toEqual([]);
    expect((await secretary.put(`${path()}/content`, { version: 3, content: memo.content })).status).toBe(409);
  });

  it('refuses to be handed in with an empty Sammanfattning or Ärendebeskrivning, or before the report is frozen', async () => {
    const memo = (await secretary.get<MemoDto>(path())).body;
    expect(memo.reportFrozenVersion).toBeNull();
    const saved = await secretary.put<SaveMemoResponse>(`${path()}/content`, { version: 0, content: memo.content });
    expect(saved.status).toBe(200);
    const empty = await secretary.post(`${path()}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(empty).toMatchObject({ status: 400, body: { code: 'memo_incomplete' } });
    expect((empty.body as { details: string[] }).details).toEqual(
      expect.arrayContaining(['Skriv Sammanfattning; den får inte vara tom.', 'Skriv Ärendebeskrivning; den får inte vara tom.']),
    );
    const filled = await secretary.put<SaveMemoResponse>(`${path()}/content`, {
      version: saved.body.version,
      content: { ...memo.content, summary: paragraph('Nämnden redovisar delåret.'), description: paragraph('Förvaltningen har sammanställt rapporten.') },
    });
    const notFrozen = await secretary.post(`${path()}/transitions`, { transition: 'submit', version: filled.body.version });
    expect(notFrozen).toMatchObject({ status: 400, body: { code: 'memo_report_not_frozen', message: expect.stringContaining('Rapporten är inte fastställd ännu') } });
    expect((await secretary.get<MemoDto>(path())).body.state).toBe('draft');
    // Back to no stored memo: the next test starts from the prefilled draft (version 0).
    await app.running.app.get(DataSource).query('DELETE FROM memo_transition WHERE memo_id IN (SELECT id FROM memo WHERE cycle_id = $1)', [cycleId]);
    await app.running.app.get(DataSource).query('DELETE FROM memo WHERE cycle_id = $1', [cycleId]);
  });

  it('goes through draft → submit → return with a comment → resubmit → approve, and is locked', async () => {
    await markFrozen();
    const memo = (await secretary.get<MemoDto>(path())).body;
    expect(memo.reportFrozenVersion).toBe(1);
    const content: MemoContent = {
      ...memo.content,
      summary: paragraph('Nämnden redovisar delåret.'),
      description: paragraph('Förvaltningen har sammanställt rapporten.'),
      proposals: [...memo.content.proposals, 'Nämnden ger förvaltningen i uppdrag att revidera den ekonomiska åtgärdsplanen.'],
      distribution: ['Förvaltningschef Socialförvaltningen', 'Förvaltningsekonom'],
    };
    const saved = await secretary.put<SaveMemoResponse>(`${path()}/content`, { version: 0, content });
    expect(saved).toMatchObject({ status: 200, body: { state: 'draft', version: 1, warnings: [] } });
    // Someone else's older version is refused with the current content.
    const stale = await economist.put<{ code: string; current: { version: number; content: MemoContent } }>(`${path()}/content`, { version: 0, content: memo.content });
    expect(stale.status).toBe(409);
    expect(stale.body.current.content.proposals).toHaveLength(2);

    const submitted = await secretary.post<MemoDto>(`${path()}/transitions`, { transition: 'submit', version: 1 });
    expect(submitted.body.state).toBe('submitted');
    // The förvaltningschef finds it under Att granska and in Notiser.
    const queue = await director.get<MemoReviewQueueResponse>('/api/memos/review-queue');
    expect(queue.body.memos).toEqual([expect.objectContaining({ cycleId, cycleTitle: 'Delårsrapport 2014', committeeName: 'Socialnämnden' })]);
    expect((await secretary.get<MemoReviewQueueResponse>('/api/memos/review-queue')).body.memos).toEqual([]);
    const notices = (await director.get<NotificationListResponse>('/api/notifications')).body.notifications;
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'submitted', text: 'Tjänsteskrivelsen till Delårsrapport 2014 (Socialnämnden) har lämnats in och väntar på granskning.' }),
      ]),
    );
    expect((await secretary.put(`${path()}/content`, { version: submitted.body.version, content })).status).toBe(409);
    expect((await secretary.post(`${path()}/transitions`, { transition: 'approve', version: submitted.body.version })).status).toBe(403);
    const noComment = await director.post(`${path()}/transitions`, { transition: 'return', version: submitted.body.version });
    expect(noComment).toMatchObject({ status: 400, body: { code: 'text_required' } });
    const returned = await director.post<MemoDto>(`${path()}/transitions`, {
      transition: 'return',
      version: submitted.body.version,
      text: 'Lägg till sändlistan för kvalitetsteamet.',
    });
    expect(returned.body.state).toBe('returned');
    expect((await director.get<MemoReviewQueueResponse>('/api/memos/review-queue')).body.memos).toEqual([]);
    expect((await secretary.get<NotificationListResponse>('/api/notifications')).body.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'returned', text: 'Tjänsteskrivelsen till Delårsrapport 2014 (Socialnämnden) har återremitterats: Lägg till sändlistan för kvalitetsteamet.' }),
      ]),
    );
    const fixed = await secretary.put<SaveMemoResponse>(`${path()}/content`, {
      version: returned.body.version,
      content: { ...content, distribution: [...content.distribution, 'Kvalitetsteamet Socialförvaltningen'] },
    });
    expect(fixed.body.state).toBe('draft');
    const again = await secretary.post<MemoDto>(`${path()}/transitions`, { transition: 'submit', version: fixed.body.version });
    const approved = await director.post<MemoDto>(`${path()}/transitions`, { transition: 'approve', version: again.body.version });
    expect(approved.body.state).toBe('approved');
    expect(approved.body.history.map((h) => `${h.transition} ${h.actorName}`)).toEqual([
      'start Maria Holm',
      'submit Maria Holm',
      'return Karin Lindqvist',
      'resume Maria Holm',
      'submit Maria Holm',
      'approve Karin Lindqvist',
    ]);
    expect(approved.body.history[2].text).toBe('Lägg till sändlistan för kvalitetsteamet.');
    const locked = await secretary.put(`${path()}/content`, { version: approved.body.version, content });
    expect(locked).toMatchObject({ status: 409, body: { code: 'memo_locked' } });
    const db = app.running.app.get(DataSource);
    const audit: Array<{ action: string }> = await db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'memo' ORDER BY occurred_at, id`,
    ).catch(() => db.query(`SELECT action FROM audit_event WHERE entity_type = 'memo'`));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['memo.save', 'memo.submit', 'memo.return', 'memo.approve']));

    const reopened = await director.post<MemoDto>(`${path()}/transitions`, { transition: 'reopen', version: approved.body.version, text: 'Nya siffror.' });
    expect(reopened.body.state).toBe('reopened');
  });

  it('warns when the text states a figure the report does not have, and re-drafts from the figures', async () => {
    const memo = (await secretary.get<MemoDto>(path())).body;
    const wrong = JSON.parse(JSON.stringify(memo.content).replace(`${M}9${NB}504`, `${M}9${NB}999`)) as MemoContent;
    const saved = await secretary.put<SaveMemoResponse>(`${path()}/content`, { version: memo.version, content: wrong });
    expect(saved.body.warnings).toEqual([
      `Ekonomiska konsekvenser nämner ${M}9${NB}999${NB}tkr för Socialnämnden totalt, men de godkända siffrorna har ${M}9${NB}504.`,
    ]);
    expect((await secretary.get<MemoDto>(path())).body.warnings).toHaveLength(1);
    const redrafted = await secretary.post<MemoDto>(`${path()}/redraft-economy`, { version: saved.body.version });
    expect(redrafted.status).toBe(201);
    expect(redrafted.body.warnings).toEqual([]);
    expect(plainText(redrafted.body.content.economicConsequences)).toContain(`${M}9${NB}504${NB}tkr`);
    expect(redrafted.body.content.distribution).toContain('Kvalitetsteamet Socialförvaltningen');
  });

  it('is hidden from unit heads and from another nämnd, and read-only for readers of the nämnd', async () => {
    const unitHead = await signedIn(app.running.baseUrl, DEMO.unitHeadVuxenutbildning);
    expect([403, 404]).toContain((await unitHead.get(path())).status);
    const nacka = await signedIn(app.running.baseUrl, DEMO.nackaSecretary);
    expect((await nacka.get(path())).status).toBe(404);
    expect((await nacka.put(`${path()}/content`, { version: 0, content: {} })).status).toBe(404);
    const reviewer = await signedIn(app.running.baseUrl, DEMO.reviewer);
    expect((await reviewer.get<MemoDto>(path())).body.permissions).toMatchObject({ view: true, edit: false, review: false, transitions: [] });
    expect((await reviewer.put(`${path()}/content`, { version: 0, content: {} })).status).toBe(403);
  });

  it('renders the document as HTML, Word and PDF with the proposals and the signatures', async () => {
    const html = await secretary.get<string>(`${path()}/document?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-disposition')).toMatch(/^attachment; filename="Tjansteskrivelse-.*\.html"; filename\*=UTF-8''Tj%C3%A4nsteskrivelse-/);
    expect(html.body).toContain('Förslag till beslut');
    expect(html.body).toContain('Karin Lindqvist');
    const docx = await secretary.download(`${path()}/document?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await secretary.download(`${path()}/document?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'memo-'));
    writeFileSync(join(dir, 'm.pdf'), pdf.body);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'm.pdf'), '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('Förslag till beslut');
    expect(text).toContain('Karin Lindqvist');
    expect((await secretary.get(`${path()}/document?format=odt`)).status).toBe(400);
  });
});
