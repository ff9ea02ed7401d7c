import { Logger } from '@nestjs/common';
import type { ApiErrorResponse, TaskListResponse } from '@rapportflode/api-contract';
import { RunningApp, startHttpApp } from './support/app';
import { DEMO, HttpClient, signedIn } from './support/http';
import { OwnPostgres } from './support/own-postgres';
import { deleteRedisKeys, uniqueName, waitFor } from './support/services';

/**
 * PostgreSQL going away under a running application: a server of the test's own, stopped and
 * started again. People get a clear "try again" (503 with Retry-After), the log gets one line
 * when the outage starts and one when it ends, and the application comes back by itself.
 */
describe('a PostgreSQL outage', () => {
  let postgres: OwnPostgres;
  let running: RunningApp;
  const prefix = uniqueName('redis');
  const logged: Array<{ level: string; text: string }> = [];

  beforeAll(async () => {
    postgres = await OwnPostgres.create();
    await postgres.start();
    for (const level of ['error', 'warn', 'log'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, message: unknown, ...rest: unknown[]) {
        logged.push({ level, text: [message, ...rest].map((part) => (part instanceof Error ? part.stack : String(part))).join(' ') });
      });
    }
    running = await startHttpApp({ DATABASE_URL: postgres.url, REDIS_KEY_PREFIX: prefix, PROCESS_ROLE: 'http' });
  });

  afterAll(async () => {
    await running?.close();
    await postgres?.destroy();
    await deleteRedisKeys(prefix);
    jest.restoreAllMocks();
  });

  const outageLines = () => logged.filter((line) => /PostgreSQL is unreachable/.test(line.text));
  const recoveryLines = () => logged.filter((line) => /PostgreSQL answers again/.test(line.text));
  const stackTraces = () => logged.filter((line) => /\n\s+at /.test(line.text));

  it('answers 503 database_unavailable with Retry-After while it is down, logs it once, and recovers by itself', async () => {
    const writer = await signedIn(running.baseUrl, DEMO.unitHeadVuxenutbildning);
    const mine = await writer.get<TaskListResponse>('/api/tasks/mine');
    expect(mine.status).toBe(200);
    const taskId = mine.body.tasks[0].id;
    const tracesBefore = stackTraces().length;

    await postgres.stop();
    const anonymous = new HttpClient(running.baseUrl);
    const requests = [
      ...Array.from({ length: 15 }, () => writer.get('/api/tasks/mine')),
      ...Array.from({ length: 10 }, () => writer.get(`/api/tasks/${taskId}`)),
      ...Array.from({ length: 10 }, () => writer.put(`/api/tasks/${taskId}/content`, { version: 1, content: { text: 'x' } })),
      ...Array.from({ length: 5 }, () => anonymous.post('/api/auth/login', { email: DEMO.admin, password: 'fel-lösenord-här' })),
    ];
    const answers = await Promise.all(requests);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses).toEqual(statuses.map(() => 503));
    for (const answer of answers) {
      expect((answer.body as ApiErrorResponse).code).toBe('database_unavailable');
      expect((answer.body as ApiErrorResponse).message).toContain('Databasen svarar inte');
      expect(answer.headers.get('retry-after')).toBe('5');
    }

    const health = await fetch(`${running.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    const report = (await health.json()) as { error?: Record<string, { status: string }>; details: Record<string, { status: string }> };
    expect(report.details.database.status).toBe('down');
    expect(report.details.redis.status).toBe('up');

    // 40 failed requests: one line for the outage, no stack trace.
    expect(outageLines()).toHaveLength(1);
    expect(outageLines()[0].level).toBe('error');
    expect(stackTraces().length).toBe(tracesBefore);

    const restarted = Date.now();
    await postgres.start();
    await waitFor('the API answering again', async () => ((await writer.get('/api/tasks/mine')).status === 200 ? true : undefined), 30_000);
    const seconds = (Date.now() - restarted) / 1000;
    console.log(`PostgreSQL outage: ${requests.length} requests answered 503, the API answered again ${seconds.toFixed(1)} s after the server was back`);
    await waitFor('the recovery line', async () => (recoveryLines().length === 1 ? true : undefined), 10_000);
    expect((await writer.get(`/api/tasks/${taskId}`)).status).toBe(200);
    expect((await fetch(`${running.baseUrl}/api/health`)).status).toBe(200);

    // A second outage is a second pair of lines: transitions are logged, not requests.
    await postgres.stop();
    expect((await writer.get('/api/tasks/mine')).status).toBe(503);
    expect((await writer.get('/api/tasks/mine')).status).toBe(503);
    expect(outageLines()).toHaveLength(2);
    await postgres.start();
    await waitFor('the API answering again', async () => ((await writer.get('/api/tasks/mine')).status === 200 ? true : undefined), 30_000);
    expect(stackTraces().length).toBe(tracesBefore);
  });
});
