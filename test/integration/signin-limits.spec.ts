import type { ApiErrorResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../backend/src/modules/auth/password.service';
import { useTestApp } from './support/app';
import { DEMO, DEMO_PASSWORD } from './support/http';
import { waitFor } from './support/services';

const MAX_FAILURES = 5; // LOGIN_MAX_FAILURES's default, which these apps keep

interface Answer {
  status: number;
  body: ApiErrorResponse;
  ms: number;
}

/** One anonymous POST, as from the client address `from` (the app trusts the loopback proxy). */
async function post(baseUrl: string, path: string, body: unknown, from = '198.51.100.1'): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json()) as ApiErrorResponse;
  return { status: response.status, body: parsed, ms: performance.now() - started };
}

function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, body } of answers) {
    const key = `${status} ${body.code ?? ''}`.trim();
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

describe('sign-in lockout and password reset with Redis up', () => {
  // Mail goes over SMTP to the embedded catcher, as it goes to a real server in production.
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', MAIL_CATCHER: 'on' });

  it('checks at most LOGIN_MAX_FAILURES of 40 concurrent wrong passwords for one address, refuses the rest, and stays locked for the right one', async () => {
    const { baseUrl } = app.running;
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => post(baseUrl, '/api/auth/login', { email: DEMO.economist, password: 'fel-lösenord' })),
    );
    const counts = tally(answers);
    console.log(`40 concurrent wrong passwords, Redis up: ${JSON.stringify(counts)}`);
    expect(counts['401 invalid_credentials'] ?? 0).toBeLessThanOrEqual(MAX_FAILURES);
    expect(counts['401 invalid_credentials'] ?? 0).toBeGreaterThan(0);
    expect((counts['401 invalid_credentials'] ?? 0) + (counts['429 signin_locked'] ?? 0)).toBe(40);

    const right = await post(baseUrl, '/api/auth/login', { email: DEMO.economist, password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('signin_locked');
    expect(right.body.message).toContain('För många misslyckade inloggningsförsök');
  });

  it('answers a password reset as fast for an existing address as for an unknown one, and still mails the link', async () => {
    const { baseUrl } = app.running;
    const known = DEMO.reader;
    const unknown = 'ingen.alls@gnesta.example.se';
    // Warm both paths (connections, JIT) before measuring.
    for (let i = 0; i < 3; i++) {
      await post(baseUrl, '/api/auth/password-reset', { email: known });
      await post(baseUrl, '/api/auth/password-reset', { email: unknown });
    }
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 30; i++) {
      // Alternate which goes first, so background work after one answer weighs on both kinds alike.
      const order = i % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const kind of order) {
        const answer = await post(baseUrl, '/api/auth/password-reset', { email: kind === 'known' ? known : unknown });
        expect(answer.status).toBe(202);
        times[kind].push(answer.ms);
      }
    }
    const medians = { known: median(times.known), unknown: median(times.unknown) };
    console.log(`password reset median answer: existing ${medians.known.toFixed(1)} ms, unknown ${medians.unknown.toFixed(1)} ms`);
    expect(Math.abs(medians.known - medians.unknown)).toBeLessThan(15);

    const dataSource = app.running.app.get(DataSource);
    await waitFor('the reset mails', async () => {
      const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM captured_mail WHERE to_address = $1 AND confidential`, [known]);
      return row.n >= 33;
    });
    const [none] = await dataSource.query(`SELECT count(*)::int AS n FROM captured_mail WHERE to_address = $1`, [unknown]);
    expect(none.n).toBe(0);
    // Only the newest link works, and none of the links went through Redis.
    const [open] = await dataSource.query(
      `SELECT count(*)::int AS n FROM password_reset_token t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1 AND t.used_at IS NULL`,
      [known],
    );
    expect(open.n).toBe(1);
  });
});

describe('sign-in limits while Redis does not answer', () => {
  // Nothing listens on port 1. A per-address limit of 14 a minute leaves room for the 12 below.
  // No demo data: seeding it with Redis away waits for the reminder queue at every step.
  const app = useTestApp({
    REDIS_URL: 'redis://127.0.0.1:1',
    PROCESS_ROLE: 'http',
    LOGIN_RATE_LIMIT_PER_MINUTE: '14',
    SEED_DEMO_DATA: 'false',
  });
  const person = { locked: 'anna.lind@gnesta.example.se', other: 'bo.ek@gnesta.example.se', reset: 'cecilia.berg@gnesta.example.se' };

  beforeAll(async () => {
    const hash = await app.running.app.get(PasswordService).hash(DEMO_PASSWORD);
    await app.running.app
      .get(DataSource)
      .query(`INSERT INTO app_user (email, name, password_hash) SELECT unnest($1::varchar[]), 'Testperson', $2`, [
        Object.values(person),
        hash,
      ]);
  });

  it('still locks an address after LOGIN_MAX_FAILURES wrong passwords', async () => {
    const { baseUrl } = app.running;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => post(baseUrl, '/api/auth/login', { email: person.locked, password: 'fel-lösenord' }, '198.51.100.20')),
    );
    const counts = tally(answers);
    console.log(`12 concurrent wrong passwords, Redis down: ${JSON.stringify(counts)}`);
    expect(counts['401 invalid_credentials'] ?? 0).toBeLessThanOrEqual(MAX_FAILURES);
    expect(counts['401 invalid_credentials'] ?? 0).toBeGreaterThan(0);
    expect(counts['429 signin_locked'] ?? 0).toBe(12 - (counts['401 invalid_credentials'] ?? 0));

    const right = await post(baseUrl, '/api/auth/login', { email: person.locked, password: DEMO_PASSWORD }, '198.51.100.21');
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('signin_locked');
  });

  it('still limits sign-in attempts per client address, and another address is not affected', async () => {
    const { baseUrl } = app.running;
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push((await post(baseUrl, '/api/auth/login', { email: `ingen${i}@gnesta.example.se`, password: 'x' }, '198.51.100.30')).status);
    }
    console.log(`15 sign-ins from one address, Redis down, limit 14: ${statuses.filter((s) => s === 401).length} checked`);
    expect(statuses).toEqual([...Array(14).fill(401), 429]);
    const limited = await post(baseUrl, '/api/auth/login', { email: person.other, password: DEMO_PASSWORD }, '198.51.100.30');
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('För många försök. Vänta en stund och försök igen.');
    const other = await post(baseUrl, '/api/auth/login', { email: person.other, password: DEMO_PASSWORD }, '198.51.100.31');
    expect(other.status).toBe(200);
  });

  it('answers a password reset at once and mails the link without the queue', async () => {
    const { baseUrl } = app.running;
    const answer = await post(baseUrl, '/api/auth/password-reset', { email: person.reset }, '198.51.100.40');
    expect(answer.status).toBe(202);
    const dataSource = app.running.app.get(DataSource);
    await waitFor('the reset mail', async () => {
      const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM captured_mail WHERE to_address = $1`, [person.reset]);
      return row.n === 1;
    });
  });
});
