import { API_ENDPOINTS, API_PREFIX } from '@rapportflode/api-contract';
import { can, INSTALLATION_SCOPE, ResourceScope, roleAllows, Role, ROLES } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../backend/src/modules/auth/password.service';
import { CatalogRoute, RouteCatalog } from '../../backend/src/modules/auth/route-catalog';
import { RunningApp, startHttpApp } from './support/app';
import { HttpClient } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName } from './support/services';

/**
 * Every route × every role × own scope / foreign scope, plus anonymous, over real HTTP.
 * The route list comes from the running application (RouteCatalog): a new route without an
 * access rule, or without a case below, fails this test.
 */

interface Target {
  committeeId: string;
  unitId: string;
  unitPath: string[];
  userId: string;
  assignmentId: string;
  templateId: string;
  cycleId: string;
  taskId: string;
  meetingId: string;
}

interface Case {
  path: string;
  body?: unknown;
  /** Where the resource sits, when it is not the target unit (e.g. a committee's template). */
  scope?: ResourceScope;
}

/** A section id that is no section: a caller who passes the guard gets section_not_found, and nothing is imported. */
const NO_SECTION = '00000000-0000-4000-8000-000000000000';

/** How to call each route against a target, so that passing the guard changes nothing that matters. */
const CASES: Record<string, (t: Target) => Case> = {
  'GET /api/audit': () => ({ path: '/api/audit' }),
  // The installation itself: only installation-wide admins (none among the actors) pass.
  'GET /api/admin/mail': () => ({ path: '/api/admin/mail', scope: INSTALLATION_SCOPE }),
  'GET /api/admin/reminder-failures': () => ({ path: '/api/admin/reminder-failures', scope: INSTALLATION_SCOPE }),
  'GET /api/admin/queues': () => ({ path: '/api/admin/queues', scope: INSTALLATION_SCOPE }),
  // An empty body: a caller who passed the guard would meet validation_failed, and nothing changes.
  'GET /api/admin/settings': () => ({ path: '/api/admin/settings', scope: INSTALLATION_SCOPE }),
  'PUT /api/admin/settings': () => ({ path: '/api/admin/settings', body: {}, scope: INSTALLATION_SCOPE }),
  'GET /api/admin/queues/:queue/jobs': () => ({ path: '/api/admin/queues/system/jobs?state=failed', scope: INSTALLATION_SCOPE }),
  'POST /api/admin/queues/:queue/jobs/:jobId/retry': () => ({
    path: '/api/admin/queues/system/jobs/no-such-job/retry',
    scope: INSTALLATION_SCOPE,
  }),
  'GET /api/auth/me': () => ({ path: '/api/auth/me' }),
  'GET /api/auth/oidc/callback': () => ({ path: '/api/auth/oidc/callback' }),
  'GET /api/auth/oidc/login': () => ({ path: '/api/auth/oidc/login' }),
  'GET /api/auth/options': () => ({ path: '/api/auth/options' }),
  'POST /api/auth/login': () => ({ path: '/api/auth/login', body: {} }),
  'POST /api/auth/logout': () => ({ path: '/api/auth/logout' }),
  'POST /api/auth/password-reset': () => ({ path: '/api/auth/password-reset', body: {} }),
  'POST /api/auth/password-reset/confirm': () => ({ path: '/api/auth/password-reset/confirm', body: {} }),
  'GET /api/health': () => ({ path: '/api/health' }),
  'GET /api/organisation': () => ({ path: '/api/organisation' }),
  'POST /api/organisation/import': () => ({ path: '/api/organisation/import?dryRun=true' }),
  'POST /api/units': (t) => ({ path: '/api/units', body: { committeeId: t.committeeId, parentId: t.unitId, kind: 'x', name: '' } }),
  'PATCH /api/units/:id': (t) => ({ path: `/api/units/${t.unitId}`, body: {} }),
  'GET /api/users': () => ({ path: '/api/users' }),
  'POST /api/users': () => ({ path: '/api/users', body: {} }),
  'PATCH /api/users/:id': (t) => ({ path: `/api/users/${t.userId}`, body: {} }),
  'DELETE /api/users/:id/sessions': (t) => ({ path: `/api/users/${t.userId}/sessions` }),
  'POST /api/users/:id/roles': (t) => ({ path: `/api/users/${t.userId}/roles`, body: { role: 'x' } }),
  'DELETE /api/users/:id/roles/:assignmentId': (t) => ({ path: `/api/users/${t.userId}/roles/${t.assignmentId}` }),
  'GET /api/templates': () => ({ path: '/api/templates' }),
  'GET /api/templates/:id': (t) => ({ path: `/api/templates/${t.templateId}`, scope: committeeOf(t) }),
  'POST /api/templates': (t) => ({ path: '/api/templates', body: { committeeId: t.committeeId }, scope: committeeOf(t) }),
  'PUT /api/templates/:id': (t) => ({ path: `/api/templates/${t.templateId}`, body: {}, scope: committeeOf(t) }),
  'GET /api/cycles': () => ({ path: '/api/cycles' }),
  'POST /api/cycles': (t) => ({ path: '/api/cycles', body: { templateId: t.templateId }, scope: committeeOf(t) }),
  'GET /api/cycles/:id': (t) => ({ path: `/api/cycles/${t.cycleId}`, scope: committeeOf(t) }),
  'PATCH /api/cycles/:id': (t) => ({ path: `/api/cycles/${t.cycleId}`, body: {}, scope: committeeOf(t) }),
  'GET /api/tasks/mine': () => ({ path: '/api/tasks/mine' }),
  'GET /api/tasks/review-queue': () => ({ path: '/api/tasks/review-queue' }),
  'GET /api/memos/review-queue': () => ({ path: '/api/memos/review-queue' }),
  'GET /api/tasks/:id': (t) => ({ path: `/api/tasks/${t.taskId}` }),
  'PATCH /api/tasks/:id': (t) => ({ path: `/api/tasks/${t.taskId}`, body: {} }),
  // A caller who passes the guard queues the matrix task's reminder (once a day; later calls answer 409).
  'POST /api/tasks/:id/remind': (t) => ({ path: `/api/tasks/${t.taskId}/remind` }),
  'PUT /api/tasks/:id/content': (t) => ({ path: `/api/tasks/${t.taskId}/content`, body: {} }),
  'POST /api/tasks/:id/transitions': (t) => ({ path: `/api/tasks/${t.taskId}/transitions`, body: {} }),
  'GET /api/tasks/:id/diff': (t) => ({ path: `/api/tasks/${t.taskId}/diff` }),
  'POST /api/tasks/:id/comments': (t) => ({ path: `/api/tasks/${t.taskId}/comments`, body: {} }),
  'PATCH /api/tasks/:id/comments/:commentId': (t) => ({
    path: `/api/tasks/${t.taskId}/comments/00000000-0000-4000-8000-000000000000`,
    body: {},
  }),
  'GET /api/cycles/:cycleId/sections/:sectionId/economy-imports': (t) => ({
    path: `/api/cycles/${t.cycleId}/sections/${NO_SECTION}/economy-imports`,
    scope: committeeOf(t),
  }),
  'POST /api/cycles/:cycleId/sections/:sectionId/economy-imports/preview': (t) => ({
    path: `/api/cycles/${t.cycleId}/sections/${NO_SECTION}/economy-imports/preview`,
    body: {},
    scope: committeeOf(t),
  }),
  'POST /api/cycles/:cycleId/sections/:sectionId/economy-imports': (t) => ({
    path: `/api/cycles/${t.cycleId}/sections/${NO_SECTION}/economy-imports`,
    body: {},
    scope: committeeOf(t),
  }),
  // The tjänsteskrivelse sits at the cycle's nämnd; empty bodies answer 400 once the guard lets the caller through.
  'GET /api/cycles/:cycleId/memo': (t) => ({ path: `/api/cycles/${t.cycleId}/memo`, scope: committeeOf(t) }),
  'PUT /api/cycles/:cycleId/memo/content': (t) => ({ path: `/api/cycles/${t.cycleId}/memo/content`, body: {}, scope: committeeOf(t) }),
  'POST /api/cycles/:cycleId/memo/transitions': (t) => ({ path: `/api/cycles/${t.cycleId}/memo/transitions`, body: {}, scope: committeeOf(t) }),
  'POST /api/cycles/:cycleId/memo/redraft-economy': (t) => ({ path: `/api/cycles/${t.cycleId}/memo/redraft-economy`, body: {}, scope: committeeOf(t) }),
  'GET /api/cycles/:cycleId/memo/document': (t) => ({ path: `/api/cycles/${t.cycleId}/memo/document?format=bad`, scope: committeeOf(t) }),
  'GET /api/cycles/:cycleId/report': (t) => ({ path: `/api/cycles/${t.cycleId}/report`, scope: committeeOf(t) }),
  'GET /api/cycles/:cycleId/report/document': (t) => ({ path: `/api/cycles/${t.cycleId}/report/document?format=json`, scope: committeeOf(t) }),
  // The matrix cycle's section is not approved: a caller who passes the guard meets report_not_ready, and nothing is frozen.
  'POST /api/cycles/:cycleId/report/versions': (t) => ({ path: `/api/cycles/${t.cycleId}/report/versions`, body: {}, scope: committeeOf(t) }),
  // The report's bilagor: an upload without a file and an unknown bilaga change nothing once past the guard.
  'GET /api/cycles/:cycleId/report/appendices': (t) => ({ path: `/api/cycles/${t.cycleId}/report/appendices`, scope: committeeOf(t) }),
  'POST /api/cycles/:cycleId/report/appendices': (t) => ({ path: `/api/cycles/${t.cycleId}/report/appendices`, scope: committeeOf(t) }),
  'PUT /api/cycles/:cycleId/report/appendices/:appendixId': (t) => ({ path: `/api/cycles/${t.cycleId}/report/appendices/${NO_SECTION}`, body: {}, scope: committeeOf(t) }),
  'POST /api/cycles/:cycleId/report/appendices/:appendixId/delete': (t) => ({ path: `/api/cycles/${t.cycleId}/report/appendices/${NO_SECTION}/delete`, body: {}, scope: committeeOf(t) }),
  'GET /api/cycles/:cycleId/report/appendices/:appendixId/file': (t) => ({ path: `/api/cycles/${t.cycleId}/report/appendices/${NO_SECTION}/file`, scope: committeeOf(t) }),
  // The meeting sits at its nämnd; unknown ids below it (an ärende, a handling, a file, a hit) and empty bodies change nothing once past the guard.
  'GET /api/committees/:committeeId/meetings': (t) => ({ path: `/api/committees/${t.committeeId}/meetings`, scope: committeeOf(t) }),
  'POST /api/committees/:committeeId/meetings': (t) => ({ path: `/api/committees/${t.committeeId}/meetings`, body: {}, scope: committeeOf(t) }),
  'PUT /api/committees/:committeeId/meetings/settings': (t) => ({ path: `/api/committees/${t.committeeId}/meetings/settings`, body: {}, scope: committeeOf(t) }),
  'GET /api/meetings/mine': () => ({ path: '/api/meetings/mine' }),
  'GET /api/meetings/:meetingId': (t) => ({ path: `/api/meetings/${t.meetingId}`, scope: committeeOf(t) }),
  'PUT /api/meetings/:meetingId': (t) => ({ path: `/api/meetings/${t.meetingId}`, body: {}, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/items': (t) => ({ path: `/api/meetings/${t.meetingId}/items`, body: {}, scope: committeeOf(t) }),
  'PUT /api/meetings/:meetingId/items/:itemId': (t) => ({ path: `/api/meetings/${t.meetingId}/items/${NO_SECTION}`, body: {}, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/items/:itemId/delete': (t) => ({ path: `/api/meetings/${t.meetingId}/items/${NO_SECTION}/delete`, body: {}, scope: committeeOf(t) }),
  'PUT /api/meetings/:meetingId/order': (t) => ({ path: `/api/meetings/${t.meetingId}/order`, body: {}, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/items/:itemId/attachments': (t) => ({ path: `/api/meetings/${t.meetingId}/items/${NO_SECTION}/attachments`, scope: committeeOf(t) }),
  'PUT /api/meetings/:meetingId/documents/:documentId': (t) => ({ path: `/api/meetings/${t.meetingId}/documents/${NO_SECTION}`, body: {}, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/documents/:documentId/delete': (t) => ({ path: `/api/meetings/${t.meetingId}/documents/${NO_SECTION}/delete`, body: {}, scope: committeeOf(t) }),
  'GET /api/meetings/:meetingId/documents/:documentId/file': (t) => ({ path: `/api/meetings/${t.meetingId}/documents/${NO_SECTION}/file`, scope: committeeOf(t) }),
  'GET /api/meetings/:meetingId/kallelse': (t) => ({ path: `/api/meetings/${t.meetingId}/kallelse?format=bad`, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/kallelse': (t) => ({ path: `/api/meetings/${t.meetingId}/kallelse`, body: {}, scope: committeeOf(t) }),
  // The matrix meeting's kallelse has not gone out: a caller past the guard meets kallelse_not_sent, and nothing is compiled.
  'POST /api/meetings/:meetingId/package': (t) => ({ path: `/api/meetings/${t.meetingId}/package`, body: {}, scope: committeeOf(t) }),
  'GET /api/meetings/:meetingId/package': (t) => ({ path: `/api/meetings/${t.meetingId}/package?format=pdf`, scope: committeeOf(t) }),
  'GET /api/meetings/:meetingId/files/:fileId': (t) => ({ path: `/api/meetings/${t.meetingId}/files/${NO_SECTION}`, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/scan-hits/:hitId/resolve': (t) => ({ path: `/api/meetings/${t.meetingId}/scan-hits/${NO_SECTION}/resolve`, body: {}, scope: committeeOf(t) }),
  // Nothing compiled: publishing meets package_not_compiled.
  'POST /api/meetings/:meetingId/publication': (t) => ({ path: `/api/meetings/${t.meetingId}/publication`, body: {}, scope: committeeOf(t) }),
  'PUT /api/meetings/:meetingId/notes/:documentRef': (t) => ({ path: `/api/meetings/${t.meetingId}/notes/kallelse`, body: {}, scope: committeeOf(t) }),
  'POST /api/meetings/:meetingId/absence': (t) => ({ path: `/api/meetings/${t.meetingId}/absence`, body: { message: 1 }, scope: committeeOf(t) }),
  // The public side: nothing of the matrix meetings is published, so each answers publication_not_found.
  'GET /api/public/committees': () => ({ path: '/api/public/committees' }),
  'GET /api/public/committees/:committeeId/meetings': (t) => ({ path: `/api/public/committees/${t.committeeId}/meetings` }),
  'GET /api/public/meetings/:meetingId': (t) => ({ path: `/api/public/meetings/${t.meetingId}` }),
  'GET /api/public/meetings/:meetingId/page': (t) => ({ path: `/api/public/meetings/${t.meetingId}/page` }),
  'GET /api/public/meetings/:meetingId/package': (t) => ({ path: `/api/public/meetings/${t.meetingId}/package` }),
  'GET /api/public/files/:fileId': () => ({ path: `/api/public/files/${NO_SECTION}` }),
  'GET /api/public/committees/:committeeId/calendar.ics': (t) => ({ path: `/api/public/committees/${t.committeeId}/calendar.ics` }),
  'GET /api/public/committees/:committeeId/feed.atom': (t) => ({ path: `/api/public/committees/${t.committeeId}/feed.atom` }),
  'GET /api/public/oparl/committees/:committeeId/meetings': (t) => ({ path: `/api/public/oparl/committees/${t.committeeId}/meetings` }),
  'GET /api/public/oparl/meetings/:meetingId': (t) => ({ path: `/api/public/oparl/meetings/${t.meetingId}` }),
  'GET /api/public/oparl/agenda-items/:itemId': () => ({ path: `/api/public/oparl/agenda-items/${NO_SECTION}` }),
  'GET /api/public/oparl/files/:fileId': () => ({ path: `/api/public/oparl/files/${NO_SECTION}` }),
  'GET /api/public/oparl/organizations/:committeeId': (t) => ({ path: `/api/public/oparl/organizations/${t.committeeId}` }),
  'GET /api/public/oparl/locations/:meetingId': (t) => ({ path: `/api/public/oparl/locations/${t.meetingId}` }),
  'GET /api/notifications': () => ({ path: '/api/notifications' }),
  'POST /api/notifications/read': () => ({ path: '/api/notifications/read', body: { ids: [] } }),
  'GET /api/notifications/settings': () => ({ path: '/api/notifications/settings' }),
  'PUT /api/notifications/settings': () => ({ path: '/api/notifications/settings', body: { reminderDelivery: 'immediate' } }),
};

/** A resource that sits at the nämnd itself (a template, a cycle). */
function committeeOf(t: Target): ResourceScope {
  return { committeeId: t.committeeId, unitPath: [] };
}

/** A cycle with one task on the target's unit, and a planned meeting of its nämnd, made directly in the database. */
async function cycleWithTask(dataSource: DataSource, committeeId: string, unitId: string): Promise<{ cycleId: string; taskId: string; meetingId: string }> {
  const [cycle] = await dataSource.query(
    `INSERT INTO report_cycle (committee_id, title, report_kind, year, period_end, diary_number, submission_deadline,
       review_deadline, assembly_deadline, meeting_date)
     VALUES ($1, 'Matris', 'interim_report', 2030, '2030-08-31', 'SN.2030.1', '2030-09-10', '2030-09-17', '2030-09-24', '2030-10-05')
     RETURNING id`,
    [committeeId],
  );
  const [section] = await dataSource.query(
    `INSERT INTO cycle_section (cycle_id, key, number, depth, sort_order, title, kind, reviewer_role)
     VALUES ($1, 'text', '1', 1, 1, 'Text', 'narrative', 'economist') RETURNING id`,
    [cycle.id],
  );
  const [task] = await dataSource.query('INSERT INTO task (cycle_id, section_id, unit_id) VALUES ($1, $2, $3) RETURNING id', [
    cycle.id,
    section.id,
    unitId,
  ]);
  const [meeting] = await dataSource.query(
    `INSERT INTO meeting (committee_id, meeting_date, start_time, place) VALUES ($1, '2030-10-05', '13:00', 'Matrisrummet') RETURNING id`,
    [committeeId],
  );
  return { cycleId: cycle.id, taskId: task.id, meetingId: meeting.id };
}

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';

function outcomeOf(status: number, body: unknown): Outcome {
  const code = (body as { code?: string } | undefined)?.code;
  if (status === 401) return 'unauthenticated';
  if (status === 403 && code === 'forbidden') return 'forbidden';
  if (status === 404 && code === 'not_found') return 'hidden';
  return 'allowed';
}

/**
 * What the caller should meet: computed from the role table and where the actor's role and
 * the resource sit (actors hold their role on Stöd och vägledning in Gnesta).
 */
function expected(route: CatalogRoute, role: Role | null, resource: ResourceScope, actorScope: ActorScope): Outcome {
  const rule = route.rule;
  if (!rule) throw new Error(`${route.method} ${route.path} has no access rule`);
  if (rule.kind === 'public') return 'allowed';
  if (role === null) return 'unauthenticated';
  if (rule.kind === 'signed-in') return 'allowed';
  if (!roleAllows(role, rule.action)) return 'forbidden';
  if (rule.target === 'anywhere') return 'allowed';
  const grants = [{ role, ...actorScope }];
  if (can(grants, rule.action, resource)) return 'allowed';
  return can(grants, 'organisation.read', resource) ? 'forbidden' : 'hidden';
}

type ActorScope = { committeeId: string; unitId: string };

describe('authorization matrix', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let dataSource: DataSource;
  let routes: CatalogRoute[];
  const prefix = uniqueName('redis');
  const targets: Record<'own' | 'foreign', Target> = {} as never;
  let actorScope: ActorScope;
  const actors = new Map<Role, HttpClient>();
  const password = 'matrix-password-1234';

  async function scopeUnit(municipality: string, names: string[]) {
    let parentId: string | null = null;
    const [committee] = await dataSource.query('SELECT id FROM committee WHERE municipality = $1', [municipality]);
    for (const name of names) {
      const [unit]: Array<{ id: string }> = await dataSource.query(
        'SELECT id FROM organisation_unit WHERE committee_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND name = $3',
        [committee.id, parentId, name],
      );
      parentId = unit.id;
    }
    return { committeeId: committee.id as string, unitId: parentId as string };
  }

  async function createUser(email: string, role: Role, scope: { committeeId: string; unitId: string }, hash: string | null) {
    const [user] = await dataSource.query(
      'INSERT INTO app_user (name, email, title, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [email, email, 'Test', hash],
    );
    const [assignment] = await dataSource.query(
      'INSERT INTO role_assignment (user_id, role, committee_id, unit_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [user.id, role, scope.committeeId, scope.unitId],
    );
    return { userId: user.id as string, assignmentId: assignment.id as string };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    running = await startHttpApp({
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: prefix,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_MAX_FAILURES: '100',
    });
    dataSource = running.app.get(DataSource);
    routes = running.app.get(RouteCatalog).routes();
    const hash = await running.app.get(PasswordService).hash(password);

    // Actors hold their role on Stöd och vägledning (Gnesta); "own" targets sit below it, "foreign" ones in Nacka.
    actorScope = await scopeUnit('Gnesta kommun', ['Socialförvaltningen', 'Stöd och vägledning']);
    const ownUnit = await scopeUnit('Gnesta kommun', ['Socialförvaltningen', 'Stöd och vägledning', 'Vuxenutbildning']);
    const foreignUnit = await scopeUnit('Nacka kommun', ['Omsorgsenheten']);
    const templateOf = async (committeeId: string) =>
      (await dataSource.query('SELECT id FROM report_template WHERE committee_id = $1', [committeeId]))[0].id as string;
    const sf = await scopeUnit('Gnesta kommun', ['Socialförvaltningen']);
    targets.own = {
      ...ownUnit,
      unitPath: [sf.unitId, actorScope.unitId, ownUnit.unitId],
      templateId: await templateOf(ownUnit.committeeId),
      ...(await cycleWithTask(dataSource, ownUnit.committeeId, ownUnit.unitId)),
      ...(await createUser('target.own@test.se', 'reader', ownUnit, null)),
    };
    targets.foreign = {
      ...foreignUnit,
      unitPath: [foreignUnit.unitId],
      templateId: await templateOf(foreignUnit.committeeId),
      ...(await cycleWithTask(dataSource, foreignUnit.committeeId, foreignUnit.unitId)),
      ...(await createUser('target.foreign@test.se', 'reader', foreignUnit, null)),
    };
    for (const role of ROLES) {
      const email = `matrix.${role}@test.se`;
      await createUser(email, role, actorScope, hash);
      actors.set(role, await new HttpClient(running.baseUrl).signIn(email, password));
    }
  });

  afterAll(async () => {
    await running?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('knows every route, and every route declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(CASES).length);
    const described = routes.map((r) => `${r.method} ${r.path}`);
    const withoutRule = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path}`);
    expect(withoutRule).toEqual([]);
    const withoutCase = described.filter((key) => !CASES[key]);
    expect(withoutCase).toEqual([]); // add a case for a new route above
    const staleCases = Object.keys(CASES).filter((key) => !described.includes(key));
    expect(staleCases).toEqual([]);
  });

  it('serves exactly the routes declared in libs/api-contract (endpoints.ts)', () => {
    const served = routes.map((r) => `${r.method} ${r.path}`).sort();
    const declared = API_ENDPOINTS.map((e) => `${e.method} ${API_PREFIX}${e.path}`).sort();
    expect(served.filter((key) => !declared.includes(key))).toEqual([]); // declare a new route in the contract
    expect(declared.filter((key) => !served.includes(key))).toEqual([]); // a declared route no controller serves
    expect(served).toEqual(declared);
  });

  it('enforces each route for each role in own and foreign scope, and refuses anonymous callers', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const build = CASES[`${route.method} ${route.path}`];
      for (const scope of ['own', 'foreign'] as const) {
        const call = build(targets[scope]);
        for (const role of [null, ...ROLES]) {
          if (role === null && scope === 'foreign') continue; // anonymous has no scope
          // Signing out ends the session: use a fresh one for that route.
          const client =
            role === null
              ? new HttpClient(running.baseUrl)
              : route.path === '/api/auth/logout'
                ? await new HttpClient(running.baseUrl).signIn(`matrix.${role}@test.se`, password)
                : (actors.get(role) as HttpClient);
          const result = await client.request(route.method, call.path, call.body);
          const got = outcomeOf(result.status, result.body);
          const target = targets[scope];
          const want = expected(route, role, call.scope ?? { committeeId: target.committeeId, unitPath: target.unitPath }, actorScope);
          checked += 1;
          if (got !== want) {
            mismatches.push(`${route.method} ${route.path} as ${role ?? 'anonymous'} (${scope}): expected ${want}, got ${got} (${result.status} ${JSON.stringify(result.body)})`);
          }
          if (route.path === '/api/users/:id/roles/:assignmentId' && result.status === 200) {
            // The removal happened: put the target's role back for the next caller.
            const t = targets[scope];
            await dataSource.query(
              'INSERT INTO role_assignment (id, user_id, role, committee_id, unit_id) VALUES ($1, $2, $3, $4, $5)',
              [t.assignmentId, t.userId, 'reader', t.committeeId, t.unitId],
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // routes × (7 roles × own/foreign + anonymous)
    expect(checked).toBe(routes.length * (ROLES.length * 2 + 1));
    console.log(`Authorization matrix: ${routes.length} routes × ${ROLES.length * 2 + 1} callers = ${checked} requests`);
  });

  it('spells out the cases a municipality would check first', async () => {
    const unitHead = actors.get('unit_head') as HttpClient;
    const admin = actors.get('admin') as HttpClient;
    // A unit head may not change the organisation, not even their own unit.
    expect((await unitHead.patch(`/api/units/${targets.own.unitId}`, { name: 'Nytt namn' })).status).toBe(403);
    // An admin of Stöd och vägledning can rename Vuxenutbildning but cannot see Nacka's Omsorgsenheten by guessing its id.
    const renamed = await admin.patch<{ name: string }>(`/api/units/${targets.own.unitId}`, { name: 'Vuxenutbildningen' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Vuxenutbildningen');
    const foreign = await admin.patch(`/api/units/${targets.foreign.unitId}`, { name: 'Kapad' });
    expect(foreign.status).toBe(404);
    const [{ name }] = await dataSource.query('SELECT name FROM organisation_unit WHERE id = $1', [targets.foreign.unitId]);
    expect(name).toBe('Omsorgsenheten');
    // The unit head's organisation view holds their own part of Gnesta and nothing of Nacka.
    const tree = await unitHead.get<{ committees: Array<{ municipality: string }> }>('/api/organisation');
    expect(tree.body.committees.map((c) => c.municipality)).toEqual(['Gnesta kommun']);
  });
});
