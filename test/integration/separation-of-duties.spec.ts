import type { InstallationSettingsDto, MemoDto, SaveContentResponse, SaveMemoResponse, TaskDto } from '@rapportflode/api-contract';
import { availableTransitions, RichTextDocument, SELF_APPROVAL_REFUSED_MESSAGE } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../backend/src/modules/auth/password.service';
import { useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';

/**
 * Separation of duties: whoever submitted a round cannot approve it, however many roles they
 * hold; someone else can. An installation administrator may relax it (audited), a committee's
 * admin may not.
 */

const doc = (text: string): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }],
});

const PASSWORD = 'separation-of-duties-1234';

describe('separation of duties: nobody approves what they submitted', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let db: DataSource;
  /** Unit head on Vuxenutbildning and förvaltningsekonom of its nämnd. */
  let dual: HttpClient;
  let dualId: string;
  /** Nämndsekreterare and förvaltningschef of the same nämnd. */
  let secretaryDirector: HttpClient;
  let johan: HttpClient;
  let karin: HttpClient;
  let admin: HttpClient;
  let committeeAdmin: HttpClient;
  let cycleId: string;
  let task: TaskDto;

  async function person(email: string, roles: Array<{ role: string; unitId: string | null }>, committeeId: string): Promise<string> {
    const hash = await app.running.app.get(PasswordService).hash(PASSWORD);
    const [user] = await db.query('INSERT INTO app_user (name, email, title, password_hash) VALUES ($1, $2, $3, $4) RETURNING id', [
      email.split('@')[0],
      email,
      'Test',
      hash,
    ]);
    for (const { role, unitId } of roles) {
      await db.query('INSERT INTO role_assignment (user_id, role, committee_id, unit_id) VALUES ($1, $2, $3, $4)', [user.id, role, committeeId, unitId]);
    }
    return user.id as string;
  }

  const taskRow = async (id: string) =>
    (await db.query('SELECT state, version, submit_round FROM task WHERE id = $1', [id]))[0] as { state: string; version: number; submit_round: number };
  const auditActions = async (entityId: string) =>
    ((await db.query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id', [entityId])) as Array<{ action: string }>).map((a) => a.action);

  beforeAll(async () => {
    const base = app.running.baseUrl;
    db = app.running.app.get(DataSource);
    const [{ committee_id: committeeId, id: vuxId }] = await db.query(
      `SELECT u.committee_id, u.id FROM organisation_unit u JOIN committee c ON c.id = u.committee_id
        WHERE c.municipality = 'Gnesta kommun' AND u.name = 'Vuxenutbildning'`,
    );
    dualId = await person('dubbel.roll@gnesta.example.se', [{ role: 'unit_head', unitId: vuxId }, { role: 'economist', unitId: null }], committeeId);
    await person('sekreterare.chef@gnesta.example.se', [{ role: 'secretary', unitId: null }, { role: 'director', unitId: null }], committeeId);
    await person('namndens.admin@gnesta.example.se', [{ role: 'admin', unitId: null }], committeeId);
    const secretary = await signedIn(base, DEMO.secretary);
    [dual, secretaryDirector, committeeAdmin, johan, karin, admin] = await Promise.all([
      new HttpClient(base).signIn('dubbel.roll@gnesta.example.se', PASSWORD),
      new HttpClient(base).signIn('sekreterare.chef@gnesta.example.se', PASSWORD),
      new HttpClient(base).signIn('namndens.admin@gnesta.example.se', PASSWORD),
      signedIn(base, DEMO.economist),
      signedIn(base, DEMO.director),
      signedIn(base, DEMO.admin),
    ]);
    cycleId = (await openCycle(secretary, await templateIdByName(secretary, 'Delårsrapport'), 2013, 'SN.2013.73')).id;
    task = await myTask(dual, cycleId, 'Händelser av väsentlig betydelse');
  });

  /** Saves (starting or resuming the draft) and submits as the dual-role person. */
  async function submitAsDual(text: string): Promise<TaskDto> {
    const current = (await dual.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    const saved = await dual.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: current.version, content: doc(text) });
    expect(saved.status).toBe(200);
    const submitted = await dual.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted).toMatchObject({ status: 201, body: { state: 'submitted' } });
    return submitted.body;
  }

  it('refuses a unit head who is also the economist approving her own submission (403, nothing stored); another economist approves', async () => {
    const submitted = await submitAsDual('Vuxenutbildningen flyttade till nya lokaler i mars.');
    // She reviews this section, but the approve button is not hers for this round.
    expect(submitted.heldActions).toEqual(expect.arrayContaining(['task.submit', 'task.review']));
    expect(submitted.reviewRound).toEqual({ submittedById: dualId, selfApprovalAllowed: false });
    expect(availableTransitions(submitted.state, submitted.heldActions, { ...submitted.reviewRound, submittedBy: submitted.reviewRound.submittedById, actorId: dualId })).toEqual(['return']);

    const before = await taskRow(task.id);
    const refused = await dual.post(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.version });
    expect(refused).toMatchObject({ status: 403, body: { code: 'self_approval_refused', message: SELF_APPROVAL_REFUSED_MESSAGE } });
    expect(await taskRow(task.id)).toEqual(before);
    expect(await auditActions(task.id)).toEqual(['task.start', 'task.submit']);

    // Handing her own round back is allowed (it approves nothing); the next round is hers again, and refused again.
    const returned = await dual.post<TaskDto>(`/api/tasks/${task.id}/transitions`, {
      transition: 'return',
      version: submitted.version,
      text: 'Jag glömde volymerna.',
    });
    expect(returned).toMatchObject({ status: 201, body: { state: 'returned' } });
    const again = await submitAsDual('Vuxenutbildningen flyttade till nya lokaler i mars; 412 elever under våren.');
    const refusedAgain = await dual.post(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: again.version });
    expect(refusedAgain).toMatchObject({ status: 403, body: { code: 'self_approval_refused' } });
    expect((await taskRow(task.id)).state).toBe('submitted');

    // Johan, the other economist, sees the approve button and approves.
    const asJohan = (await johan.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    expect(asJohan.reviewRound.submittedById).toBe(dualId);
    const approved = await johan.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: again.version });
    expect(approved).toMatchObject({ status: 201, body: { state: 'approved' } });
    expect(approved.body.history.map((h) => [h.transition, h.actorName])).toEqual([
      ['start', 'dubbel.roll'],
      ['submit', 'dubbel.roll'],
      ['return', 'dubbel.roll'],
      ['resume', 'dubbel.roll'],
      ['submit', 'dubbel.roll'],
      ['approve', 'Johan Ek'],
    ]);
  });

  it('refuses a secretary who is also the director approving the tjänsteskrivelse she handed in; the förvaltningschef approves', async () => {
    const path = `/api/cycles/${cycleId}/memo`;
    const memo = (await secretaryDirector.get<MemoDto>(path)).body;
    // A memo is submitted with its required parts written, for a report with a frozen version.
    await db.query(
      `INSERT INTO report_version (cycle_id, number, model, checksum, frozen_by)
       SELECT $1, 1, '{}'::jsonb, repeat('a', 64), id FROM app_user WHERE email = $2`,
      [cycleId, DEMO.secretary],
    );
    const content = { ...memo.content, summary: doc('Sammanfattning av rapporten.'), description: doc('Ärendebeskrivning.') };
    const saved = await secretaryDirector.put<SaveMemoResponse>(`${path}/content`, { version: 0, content });
    expect(saved).toMatchObject({ status: 200, body: { state: 'draft' } });
    const submitted = await secretaryDirector.post<MemoDto>(`${path}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted).toMatchObject({ status: 201, body: { state: 'submitted' } });
    expect(submitted.body.permissions).toMatchObject({ review: true, transitions: ['return'], selfApprovalRefused: true });

    const refused = await secretaryDirector.post(`${path}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(refused).toMatchObject({ status: 403, body: { code: 'self_approval_refused', message: SELF_APPROVAL_REFUSED_MESSAGE } });
    const [stored] = await db.query('SELECT state, version FROM memo WHERE cycle_id = $1', [cycleId]);
    expect(stored).toEqual({ state: 'submitted', version: submitted.body.version });

    const asKarin = (await karin.get<MemoDto>(path)).body;
    expect(asKarin.permissions).toMatchObject({ transitions: ['return', 'approve'], selfApprovalRefused: false });
    const approved = await karin.post<MemoDto>(`${path}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved).toMatchObject({ status: 201, body: { state: 'approved' } });
    expect(approved.body.history.map((h) => `${h.transition} ${h.actorName}`)).toEqual([
      'start sekreterare.chef',
      'submit sekreterare.chef',
      'approve Karin Lindqvist',
    ]);
  });

  it('lets only an installation admin relax it, audited; then a self-approval goes through and is audited as one', async () => {
    const initial = await admin.get<InstallationSettingsDto>('/api/admin/settings');
    expect(initial).toMatchObject({ status: 200, body: { selfApprovalAllowed: false } });

    // A committee's admin does not administer the installation (answered like every installation route: not found); an economist is forbidden.
    const byCommitteeAdmin = await committeeAdmin.put('/api/admin/settings', { selfApprovalAllowed: true });
    expect(byCommitteeAdmin).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await johan.put('/api/admin/settings', { selfApprovalAllowed: true })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect((await committeeAdmin.get('/api/admin/settings')).status).toBe(404);
    expect((await admin.put('/api/admin/settings', { selfApprovalAllowed: 'ja' })).status).toBe(400);
    expect((await admin.get<InstallationSettingsDto>('/api/admin/settings')).body.selfApprovalAllowed).toBe(false);
    expect(await db.query(`SELECT 1 FROM audit_event WHERE action = 'installation.settings'`)).toEqual([]);

    const relaxed = await admin.put<InstallationSettingsDto>('/api/admin/settings', { selfApprovalAllowed: true });
    expect(relaxed).toMatchObject({ status: 200, body: { selfApprovalAllowed: true, updatedByName: 'Eva Andersson' } });
    const [change] = await db.query(`SELECT before, after, actor_user_id FROM audit_event WHERE action = 'installation.settings'`);
    expect(change).toMatchObject({ before: { selfApprovalAllowed: false }, after: { selfApprovalAllowed: true } });

    // Reopened and handed in again by the dual-role person: now she sees the button and may approve, and the log says it was her own round.
    const current = (await johan.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    const reopened = await johan.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'reopen', version: current.version, text: 'Nya volymer.' });
    expect(reopened.body.state).toBe('reopened');
    const submitted = await submitAsDual('Vuxenutbildningen: 430 elever under våren.');
    expect(submitted.reviewRound).toEqual({ submittedById: dualId, selfApprovalAllowed: true });
    const selfApproved = await dual.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.version });
    expect(selfApproved).toMatchObject({ status: 201, body: { state: 'approved' } });
    expect((await auditActions(task.id)).slice(-2)).toEqual(['task.approve', 'task.self_approval']);
    const [audited] = await db.query(`SELECT actor_user_id, after FROM audit_event WHERE action = 'task.self_approval' AND entity_id = $1`, [task.id]);
    expect(audited).toMatchObject({ actor_user_id: dualId, after: { round: 3, submittedBy: dualId } });

    // The same for the tjänsteskrivelse.
    const path = `/api/cycles/${cycleId}/memo`;
    const memo = (await karin.get<MemoDto>(path)).body;
    const memoReopened = await karin.post<MemoDto>(`${path}/transitions`, { transition: 'reopen', version: memo.version, text: 'Nya siffror.' });
    const resaved = await secretaryDirector.put<SaveMemoResponse>(`${path}/content`, { version: memoReopened.body.version, content: memo.content });
    const memoSubmitted = await secretaryDirector.post<MemoDto>(`${path}/transitions`, { transition: 'submit', version: resaved.body.version });
    expect(memoSubmitted.body.permissions).toMatchObject({ transitions: ['return', 'approve'], selfApprovalRefused: false });
    const memoApproved = await secretaryDirector.post<MemoDto>(`${path}/transitions`, { transition: 'approve', version: memoSubmitted.body.version });
    expect(memoApproved).toMatchObject({ status: 201, body: { state: 'approved' } });
    const [memoAudit] = await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'memo.self_approval'`);
    expect(memoAudit.n).toBe(1);

    // Back to the default: refused again from the next round on.
    expect((await admin.put<InstallationSettingsDto>('/api/admin/settings', { selfApprovalAllowed: false })).body.selfApprovalAllowed).toBe(false);
    expect(await db.query(`SELECT after FROM audit_event WHERE action = 'installation.settings' ORDER BY id`)).toEqual([
      { after: { selfApprovalAllowed: true } },
      { after: { selfApprovalAllowed: false } },
    ]);
  });
});
