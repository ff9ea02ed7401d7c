import type {
  AuditListResponse,
  ContentConflictResponse,
  CycleOverviewDto,
  CycleSummaryDto,
  NotificationListResponse,
  SaveContentResponse,
  TaskDiffDto,
  TaskDto,
  TaskListResponse,
} from '@rapportflode/api-contract';
import { mergeDocuments, plainText, RichTextDocument } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { cycleDates, myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn, signedInAll } from './support/http';

const doc = (...paragraphs: string[]): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text, i) => ({ type: 'paragraph', id: `p${i + 1}`, content: [{ type: 'text', text }] })),
});

const DATES = cycleDates(2021);

describe('a whole report cycle: open, draft, submit, return, resubmit, approve', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let secretary: HttpClient;
  let economist: HttpClient;
  let camilla: HttpClient;
  let fredrik: HttpClient;
  let cycle: CycleSummaryDto;
  let templateId: string;


  beforeAll(async () => {
    const base = app.running.baseUrl;
    [secretary, economist, camilla, fredrik] = await signedInAll(base, [DEMO.nackaSecretary, DEMO.nackaEconomist, DEMO.unitHeadBarnOchFamilj, DEMO.unitHeadOmsorgsenheten]);
    templateId = await templateIdByName(secretary, 'Tertialbokslut 2');
    cycle = await openCycle(secretary, templateId, 2021);
  });

  it('opens the cycle with one task per section and responsible unit, in one go', async () => {
    const overview = (await secretary.get<CycleOverviewDto>(`/api/cycles/${cycle.id}`)).body;
    expect(overview.cycle).toMatchObject({ title: 'Tertialbokslut 2 2021', period: 'T2', diaryNumber: 'SN.2021.73', ...DATES });
    expect(overview.sections.map((s) => s.number).slice(0, 4)).toEqual(['1', '1.1', '1.2', '2']);
    expect(overview.units.map((u) => u.name)).toEqual(['Nämndnivå', 'Barn och familjeenheten', 'Omsorgsenheten']);
    // 15 sections: 3 delivered by both units (6 tasks), the action plan by one unit, 11 at nämnd level
    expect(overview.tasks).toHaveLength(18);
    expect(overview.cycle.progress).toMatchObject({ total: 18, approved: 0 });
    const economy = overview.sections.find((s) => s.title === 'Ekonomiskt resultat');
    const economyTasks = overview.tasks.filter((t) => t.sectionId === economy?.id);
    expect(economyTasks.map((t) => t.reviewers)).toEqual([['Anders Nilsson'], ['Anders Nilsson']]);
    expect(overview.canManage).toBe(true);
    // opening the same period twice is refused, and nothing more is created
    const again = await secretary.post('/api/cycles', { templateId, year: 2021, diaryNumber: 'SN.2021.74', ...DATES });
    expect(again).toMatchObject({ status: 409, body: { code: 'cycle_exists' } });
    const db = app.running.app.get(DataSource);
    const [{ count }] = await db.query('SELECT count(*)::int FROM report_cycle WHERE committee_id = $1 AND year = 2021', [cycle.committeeId]);
    expect(count).toBe(1);
  });

  it('walks two units through draft, submit, return with a comment, resubmit and approval', async () => {
    // Camilla and Fredrik each write their unit's Nulägesbeskrivning and submit it.
    let bof = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    let oe = await myTask(fredrik, cycle.id, 'Nulägesbeskrivning');
    expect(bof.heldActions).toEqual(['task.read', 'task.write', 'task.submit']);
    const first = doc('Barn och unga 0-20 år: periodens resultat +5,6 miljoner kronor.');
    const saved = await camilla.put<SaveContentResponse>(`/api/tasks/${bof.id}/content`, { version: bof.version, content: first });
    expect(saved).toMatchObject({ status: 200, body: { state: 'draft', version: bof.version + 1 } });
    const oeSaved = await fredrik.put<SaveContentResponse>(`/api/tasks/${oe.id}/content`, { version: oe.version, content: doc('Omsorgsenheten följer budget.') });
    expect(oeSaved.status).toBe(200);

    let submitted = await camilla.post<TaskDto>(`/api/tasks/${bof.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted).toMatchObject({ status: 201, body: { state: 'submitted' } });
    const oeSubmitted = await fredrik.post<TaskDto>(`/api/tasks/${oe.id}/transitions`, { transition: 'submit', version: oeSaved.body.version });
    expect(oeSubmitted.body.state).toBe('submitted');

    // The economist's queue holds both; the unit heads cannot review.
    const queue = (await economist.get<TaskListResponse>('/api/tasks/review-queue')).body.tasks;
    expect(queue.filter((t) => t.cycleId === cycle.id).map((t) => t.unitName).sort()).toEqual(['Barn och familjeenheten', 'Omsorgsenheten']);
    const selfApprove = await camilla.post(`/api/tasks/${bof.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(selfApprove).toMatchObject({ status: 403, body: { code: 'transition_not_allowed' } });

    // A return needs a comment; then it goes back with one.
    bof = (await economist.get<TaskDto>(`/api/tasks/${bof.id}`)).body;
    expect(bof.heldActions).toContain('task.review');
    const noComment = await economist.post(`/api/tasks/${bof.id}/transitions`, { transition: 'return', version: bof.version, text: '  ' });
    expect(noComment).toMatchObject({ status: 400, body: { code: 'text_required', message: 'Skriv en kommentar om vad som behöver ändras.' } });
    const returned = await economist.post<TaskDto>(`/api/tasks/${bof.id}/transitions`, {
      transition: 'return',
      version: bof.version,
      text: 'Ange prognosen för helåret också.',
    });
    expect(returned.body.state).toBe('returned');

    // Camilla is told, edits (which resumes the draft) and submits again.
    const notes = (await camilla.get<NotificationListResponse>('/api/notifications')).body;
    expect(notes.unread).toBe(1);
    expect(notes.notifications[0]).toMatchObject({ kind: 'returned', taskId: bof.id });
    expect(notes.notifications[0].text).toContain('Ange prognosen för helåret också.');
    const second = doc('Barn och unga 0-20 år: periodens resultat +5,6 miljoner kronor.', 'Prognos för helåret: +5,6 miljoner kronor.');
    const resaved = await camilla.put<SaveContentResponse>(`/api/tasks/${bof.id}/content`, { version: returned.body.version, content: second });
    expect(resaved.body.state).toBe('draft');
    submitted = await camilla.post<TaskDto>(`/api/tasks/${bof.id}/transitions`, { transition: 'submit', version: resaved.body.version });
    expect(submitted.body.state).toBe('submitted');

    // The economist sees exactly what changed since the first submission, and approves.
    const diff = (await economist.get<TaskDiffDto>(`/api/tasks/${bof.id}/diff`)).body;
    expect(diff).toMatchObject({ from: 1, to: 2 });
    expect(diff.blocks.map((b) => b.kind)).toEqual(['same', 'added']);
    expect(diff.blocks[1].after).toBe('Prognos för helåret: +5,6 miljoner kronor.');
    const approved = await economist.post<TaskDto>(`/api/tasks/${bof.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');
    await economist.post(`/api/tasks/${oe.id}/transitions`, { transition: 'approve', version: oeSubmitted.body.version });

    // Approved content is locked.
    const late = await camilla.put(`/api/tasks/${bof.id}/content`, { version: approved.body.version, content: doc('Ändrat i efterhand.') });
    expect(late).toMatchObject({ status: 409, body: { code: 'task_locked' } });

    // The history, the snapshots and the audit trail agree.
    bof = (await camilla.get<TaskDto>(`/api/tasks/${bof.id}`)).body;
    expect(bof.history.map((h) => [h.transition, h.actorName, h.text])).toEqual([
      ['start', 'Camilla Öberg', null],
      ['submit', 'Camilla Öberg', null],
      ['return', 'Anders Nilsson', 'Ange prognosen för helåret också.'],
      ['resume', 'Camilla Öberg', null],
      ['submit', 'Camilla Öberg', null],
      ['approve', 'Anders Nilsson', null],
    ]);
    expect(bof.snapshots.map((s) => [s.round, s.submittedBy])).toEqual([
      [1, 'Camilla Öberg'],
      [2, 'Camilla Öberg'],
    ]);
    expect(plainText(bof.content as RichTextDocument)).toBe(plainText(second));
    const db = app.running.app.get(DataSource);
    const snapshots = await db.query('SELECT round, content FROM task_snapshot WHERE task_id = $1 ORDER BY round', [bof.id]);
    expect(snapshots.map((s: { content: RichTextDocument }) => plainText(s.content))).toEqual([plainText(first), plainText(second)]);
    await expect(db.query("UPDATE task_snapshot SET content = '{}' WHERE task_id = $1", [bof.id])).rejects.toThrow(/immutable/);
    const admin = await signedIn(app.running.baseUrl, DEMO.admin);
    const audit = (await admin.get<AuditListResponse>(`/api/audit?entityType=task&pageSize=100`)).body;
    const trail = audit.events.filter((e) => e.entityId === bof.id).map((e) => e.action).reverse();
    expect(trail).toEqual(['task.start', 'task.submit', 'task.return', 'task.resume', 'task.submit', 'task.approve']);

    // Progress: 2 of 18 approved, and they left everyone's "Mina uppgifter".
    oe = (await fredrik.get<TaskDto>(`/api/tasks/${oe.id}`)).body;
    expect(oe.state).toBe('approved');
    const overview = (await secretary.get<CycleOverviewDto>(`/api/cycles/${cycle.id}`)).body;
    expect(overview.cycle.progress).toMatchObject({ total: 18, approved: 2, percent: 11 });
    const mine = (await camilla.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
    expect(mine.some((t) => t.id === bof.id)).toBe(false);
  });

  it('answers a stale save with 409 and both versions; after a merge both edits are there', async () => {
    // The secretary writes the nämnd-level "Tre viktigaste händelserna", in two tabs.
    const task = await myTask(secretary, cycle.id, 'Tre viktigaste händelserna');
    const tab1 = secretary;
    const tab2 = await signedIn(app.running.baseUrl, DEMO.nackaSecretary);
    const one = await tab1.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc('Intäkterna ökade.') });
    expect(one.status).toBe(200);
    const two = await tab2.put<ContentConflictResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc('Kostnaderna minskade.') });
    expect(two.status).toBe(409);
    expect(two.body.code).toBe('version_conflict');
    // The same person in another tab is told so, not "someone else"; the body says who saved.
    expect(two.body.message).toContain('Du har sparat en nyare version i en annan flik eller ett annat fönster');
    expect(two.body.current).toMatchObject({ updatedByName: 'Birgitta Sandberg', updatedById: expect.any(String) });
    expect(plainText(two.body.current.content as RichTextDocument)).toBe('Intäkterna ökade.');
    expect(plainText(two.body.yours.content as RichTextDocument)).toBe('Kostnaderna minskade.');
    const merged = mergeDocuments(two.body.current.content as RichTextDocument, two.body.yours.content as RichTextDocument);
    const saved = await tab2.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: two.body.current.version, content: merged });
    expect(saved.status).toBe(200);
    const stored = (await tab1.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    expect(plainText(stored.content as RichTextDocument)).toBe('Intäkterna ökade.\n\nKostnaderna minskade.');
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    // Fredrik's text section in the demo's running cycle (his one in this test's cycle is approved by now).
    const mine = (await fredrik.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
    const demoCycleId = mine.find((t) => t.sectionTitle === 'Nulägesbeskrivning' && t.cycleId !== cycle.id)?.cycleId;
    const task = await myTask(fredrik, demoCycleId ?? cycle.id, 'Nulägesbeskrivning');
    const db = app.running.app.get(DataSource);
    const before = await db.query('SELECT state, version, content FROM task WHERE id = $1', [task.id]);

    const script = await fredrik.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, {
      version: task.version,
      content: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'script', text: 'alert(1)' },
          { type: 'paragraph', content: [{ type: 'text', text: 'Läs mer', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] },
        ],
      },
    });
    // the unsafe parts are dropped and named; nothing executable is stored
    expect(script.status).toBe(200);
    expect(script.body.removed.length).toBeGreaterThan(0);
    const [stored] = await db.query('SELECT content::text AS content FROM task WHERE id = $1', [task.id]);
    expect(stored.content).not.toMatch(/script|javascript/i);

    const current = (await fredrik.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    const cases: Array<[Promise<{ status: number; body: unknown }>, number, string]> = [
      [fredrik.post(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: current.version }), 409, 'illegal_transition'],
      [fredrik.post(`/api/tasks/${task.id}/transitions`, { transition: 'fly', version: current.version }), 400, 'validation_failed'],
      [fredrik.post(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: current.version - 1 }), 409, 'version_conflict'],
      [fredrik.put(`/api/tasks/${task.id}/content`, { version: current.version, content: { type: 'doc', version: 2, content: [] } }), 400, 'content_invalid'],
      [fredrik.put(`/api/tasks/${task.id}/content`, { version: current.version, content: doc('x'.repeat(100_001)) }), 400, 'content_invalid'],
      [fredrik.post(`/api/tasks/${task.id}/comments`, { body: 'Se stycket', anchor: 'finns-inte' }), 400, 'comment_anchor_invalid'],
      [camilla.put(`/api/tasks/${task.id}/content`, { version: current.version, content: doc('Inte min enhet.') }), 404, 'not_found'],
    ];
    for (const [call, status, code] of cases) {
      const result = await call;
      expect({ status: result.status, code: (result.body as { code: string }).code }).toEqual({ status, code });
    }
    const huge = await fredrik.put(`/api/tasks/${task.id}/content`, { version: current.version, content: doc('y'.repeat(3_000_000)) });
    expect(huge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    const after = await db.query('SELECT state, version, content FROM task WHERE id = $1', [task.id]);
    expect(after[0].version).toBe(current.version);
    expect(after).not.toEqual(before); // only the one good save above changed it
    expect(after[0].version).toBe(before[0].version + 1);
  });

  it('lets the secretary move a deadline for one task and for the whole cycle, and shows who is late', async () => {
    const overview = (await secretary.get<CycleOverviewDto>(`/api/cycles/${cycle.id}`)).body;
    const open = overview.tasks.find((t) => t.state === 'not_started');
    expect(open?.daysLate).toBeGreaterThan(0); // the 2021 deadline has passed
    const late = (await secretary.get<CycleOverviewDto>(`/api/cycles/${cycle.id}?filter=late`)).body;
    expect(late.tasks.every((t) => t.daysLate > 0)).toBe(true);
    const moved = await secretary.patch<TaskDto>(`/api/tasks/${open?.id}`, { deadline: '2099-01-15' });
    expect(moved.body).toMatchObject({ deadline: '2099-01-15', daysLate: 0 });
    const bad = await secretary.patch(`/api/cycles/${cycle.id}`, { version: overview.cycle.version, submissionDeadline: '2021-08-01' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'cycle_invalid' } });
    const ok = await secretary.patch<CycleSummaryDto>(`/api/cycles/${cycle.id}`, { version: overview.cycle.version, submissionDeadline: '2021-09-13' });
    expect(ok.body).toMatchObject({ submissionDeadline: '2021-09-13', version: overview.cycle.version + 1 });
    const stale = await secretary.patch(`/api/cycles/${cycle.id}`, { version: overview.cycle.version, meetingDate: '2021-10-12' });
    expect(stale).toMatchObject({ status: 409, body: { code: 'version_conflict' } });
    const unitHead = await camilla.patch(`/api/tasks/${open?.id}`, { deadline: null });
    expect(unitHead.status).toBe(403);
  });

  it('keeps threaded comments on a paragraph, resolves them and tells the author', async () => {
    const task = await myTask(secretary, cycle.id, 'Tre viktigaste händelserna');
    const comment = await economist.post<{ id: string; anchor: string }>(`/api/tasks/${task.id}/comments`, { body: 'Stämmer siffran?', anchor: 'p1' });
    expect(comment).toMatchObject({ status: 201, body: { anchor: 'p1' } });
    const reply = await secretary.post<{ parentId: string }>(`/api/tasks/${task.id}/comments`, { body: 'Ja, enligt bokslutet.', parentId: comment.body.id });
    expect(reply.body.parentId).toBe(comment.body.id);
    const resolved = await economist.patch<{ resolved: boolean; resolvedByName: string }>(`/api/tasks/${task.id}/comments/${comment.body.id}`, { resolved: true });
    expect(resolved.body).toMatchObject({ resolved: true, resolvedByName: 'Anders Nilsson' });
    const economistNotes = (await economist.get<NotificationListResponse>('/api/notifications')).body.notifications;
    expect(economistNotes.some((n) => n.kind === 'comment' && n.text.includes('Ja, enligt bokslutet.'))).toBe(true);
    const empty = await secretary.post(`/api/tasks/${task.id}/comments`, { body: '   ' });
    expect(empty).toMatchObject({ status: 400, body: { code: 'comment_empty' } });
  });
});
