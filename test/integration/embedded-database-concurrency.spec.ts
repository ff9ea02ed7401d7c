import type { SaveContentResponse, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningApp, startHttpApp } from './support/app';
import { openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient } from './support/http';
import { deleteRedisKeys, uniqueName } from './support/services';

// 20 people autosaving at once against the embedded default (DATABASE_URL unset), as a busy
// deadline day would: every answer must be what a real PostgreSQL gives, and nobody may ever
// read back someone else's text.
const CLIENTS = 20;
const DURATION_MS = 20_000;
/** An answer slower than this counts as a failure (a request lost inside the database hangs forever). */
const ANSWER_MS = 10_000;

/** The demo unit heads (README), each with tasks in the seeded running cycles. */
const UNIT_HEADS = [
  'lars.berg@gnesta.example.se',
  'anna.berg@gnesta.example.se',
  'mikael.sund@gnesta.example.se',
  'lena.wik@gnesta.example.se',
  'erik.dahl@gnesta.example.se',
  'sofia.lund@gnesta.example.se',
  'jonas.falk@gnesta.example.se',
  'helena.strand@gnesta.example.se',
  'ingrid.sjo@gnesta.example.se',
  'oskar.bjork@gnesta.example.se',
  'maja.noren@gnesta.example.se',
  'david.holm@gnesta.example.se',
  'elin.rask@gnesta.example.se',
  'peter.lind@gnesta.example.se',
  'camilla.oberg@nacka.example.se',
  'fredrik.akesson@nacka.example.se',
];

const textOf = (marker: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text: marker }] }],
});

/** The text of a rich-text content as the editor would show it. */
function plainText(content: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { text, content: children } = node as { text?: unknown; content?: unknown };
    if (typeof text === 'string') texts.push(text);
    if (Array.isArray(children)) children.forEach(walk);
  };
  walk(content);
  return texts.join('');
}

interface Tally {
  requests: number;
  failures: string[];
  wrongReads: string[];
}

class NoAnswer extends Error {}

function inTime<T>(request: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(`${what}: no answer within ${ANSWER_MS} ms`)), ANSWER_MS);
  });
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}

/** One person's autosave loop on their own task: save, read the task page back, now and then the task list. */
async function autosave(
  client: HttpClient,
  label: string,
  taskId: string,
  startVersion: number,
  until: number,
  tally: Tally,
): Promise<number> {
  let version = startVersion;
  let lastWritten: string | null = null;
  let saves = 0;
  const answer = (path: string, status: number, body: unknown): boolean => {
    tally.requests += 1;
    if (status >= 200 && status < 300) return true;
    tally.failures.push(`${label} ${path}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
    return false;
  };
  const step = async (): Promise<void> => {
    const marker = `${label} sparning ${saves + 1}`;
    const saved = await client.put<SaveContentResponse>(`/api/tasks/${taskId}/content`, {
      version,
      content: textOf(marker),
    });
    if (answer('PUT content', saved.status, saved.body)) {
      saves += 1;
      version = saved.body.version;
      lastWritten = marker;
    } else {
      // Resynchronise as the editor would, so one failure does not cascade into 409s.
      const fresh = await client.get<TaskDto>(`/api/tasks/${taskId}`);
      if (answer('GET task', fresh.status, fresh.body)) {
        version = fresh.body.version;
        lastWritten = plainText(fresh.body.content);
      }
      return;
    }
    const page = await client.get<TaskDto>(`/api/tasks/${taskId}`);
    if (answer('GET task', page.status, page.body)) {
      const text = plainText(page.body.content);
      if (page.body.id !== taskId || text !== lastWritten || page.body.version !== version) {
        tally.wrongReads.push(
          `${label} wrote "${lastWritten}" v${version}, read task ${page.body.id} "${text}" v${page.body.version}`,
        );
      }
    }
    if (saves % 5 === 0) {
      const mine = await client.get<TaskListResponse>('/api/tasks/mine');
      if (answer('GET mine', mine.status, mine.body) && !mine.body.tasks.some((t) => t.id === taskId)) {
        tally.wrongReads.push(`${label}: own task ${taskId} missing from Mina uppgifter`);
      }
    }
  };
  while (Date.now() < until) {
    try {
      await inTime(step(), label);
    } catch (error) {
      if (!(error instanceof NoAnswer)) throw error;
      tally.requests += 1;
      tally.failures.push(error.message);
    }
  }
  return saves;
}

describe('the embedded default under concurrency', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-embedded-load-'));
  // The server may run as an unprivileged user: it must be able to reach its directory.
  chmodSync(dataDir, 0o755);
  const prefix = uniqueName('redis');
  let running: RunningApp | undefined;
  let bootMs = 0;

  beforeAll(async () => {
    const booting = Date.now();
    running = await startHttpApp({
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      REDIS_KEY_PREFIX: prefix,
      // Twenty sign-ins from one address within a minute are this test, not an attack.
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      SESSION_CACHE_SECONDS: '0',
    });
    bootMs = Date.now() - booting;
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(prefix);
  });

  it(`answers ${CLIENTS} autosaving people without a single error, each reading back exactly their own text`, async () => {
    if (!running) throw new Error('the application did not start');
    const baseUrl = running.baseUrl;

    // A second Gnesta cycle besides the seeded one, so that there are more editable tasks than clients.
    const secretary = await new HttpClient(baseUrl).signIn(DEMO.secretary);
    await openCycle(secretary, await templateIdByName(secretary, 'Delårsrapport'), 2030, 'SN 2030/1');

    // Each client gets a task of its own: an editable narrative task of a unit head, several
    // clients per person where a person has several tasks (a session each).
    const heads = await Promise.all(
      UNIT_HEADS.map(async (email) => {
        const client = await new HttpClient(baseUrl).signIn(email);
        const mine = (await client.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
        return {
          email,
          tasks: mine
            .filter((t) => t.kind === 'narrative' && (t.state === 'not_started' || t.state === 'draft'))
            .map((t) => t.id),
        };
      }),
    );
    const assignments: Array<{ email: string; taskId: string }> = [];
    for (let round = 0; assignments.length < CLIENTS && heads.some((h) => h.tasks.length > round); round += 1) {
      for (const head of heads) {
        if (assignments.length < CLIENTS && head.tasks.length > round)
          assignments.push({ email: head.email, taskId: head.tasks[round] });
      }
    }
    expect(assignments).toHaveLength(CLIENTS);

    const clients = await Promise.all(
      assignments.map(async ({ email, taskId }) => {
        const client = await new HttpClient(baseUrl).signIn(email);
        const task = (await client.get<TaskDto>(`/api/tasks/${taskId}`)).body;
        return { client, taskId, version: task.version };
      }),
    );

    const tally: Tally = { requests: 0, failures: [], wrongReads: [] };
    const started = Date.now();
    const until = started + DURATION_MS;
    const saves = await Promise.all(
      clients.map(({ client, taskId, version }, i) =>
        autosave(client, `Klient ${i + 1}`, taskId, version, until, tally),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `embedded database (first start ${bootMs} ms), ${CLIENTS} clients for ${seconds.toFixed(1)} s: ${tally.requests} requests, ` +
        `${tally.failures.length} non-2xx, ${tally.wrongReads.length} wrong reads, ${saves.reduce((a, b) => a + b, 0)} saves` +
        (tally.failures.length ? `\nfirst failures:\n${tally.failures.slice(0, 5).join('\n')}` : ''),
    );

    expect(tally.failures.slice(0, 5)).toEqual([]);
    expect(tally.wrongReads.slice(0, 5)).toEqual([]);
    expect(Math.min(...saves)).toBeGreaterThan(0);

    // After the storm, every task holds its own client's last text and nobody else's.
    for (const [i, { client, taskId }] of clients.entries()) {
      const task = (await inTime(client.get<TaskDto>(`/api/tasks/${taskId}`), `Klient ${i + 1}`)).body;
      expect(plainText(task.content)).toBe(`Klient ${i + 1} sparning ${saves[i]}`);
    }
  }, 90_000);
});
