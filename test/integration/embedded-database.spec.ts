import type { OrganisationResponse } from '@rapportflode/api-contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startHttpApp } from './support/app';
import { DEMO, signedIn } from './support/http';
import { deleteRedisKeys, uniqueName } from './support/services';

describe('the embedded default: DATABASE_URL unset', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-embedded-'));
  const prefix = uniqueName('redis');

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(prefix);
  });

  it('starts PGlite under DATA_DIR, applies the migrations, serves the seed, and keeps it across a restart', async () => {
    const first = await startHttpApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, REDIS_KEY_PREFIX: prefix });
    let unitNames: string[];
    try {
      const dataSource = first.app.get(DataSource);
      // The ordinary postgres driver talks to the embedded server over a local socket.
      expect(dataSource.options.type).toBe('postgres');
      const migrations: Array<{ name: string }> = await dataSource.query('SELECT name FROM typeorm_migrations');
      expect(migrations).toHaveLength(13);

      const body = (await (await signedIn(first.baseUrl, DEMO.admin)).get<OrganisationResponse>('/api/organisation')).body;
      unitNames = body.committees.flatMap((c) => c.units.map((u) => u.name));
      expect(unitNames).toEqual(['Socialförvaltningen', 'Barn och familjeenheten', 'Omsorgsenheten']);
    } finally {
      await first.close();
    }

    // Same data directory: the committed data is there, migrations are not re-run, the seed is not repeated.
    const second = await startHttpApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, REDIS_KEY_PREFIX: prefix });
    try {
      const body = (await (await signedIn(second.baseUrl, DEMO.admin)).get<OrganisationResponse>('/api/organisation')).body;
      expect(body.committees.flatMap((c) => c.units.map((u) => u.name))).toEqual(unitNames);
      const [{ count }] = await second.app.get(DataSource).query('SELECT count(*)::int AS count FROM committee');
      expect(count).toBe(2);
    } finally {
      await second.close();
    }
  });
});
