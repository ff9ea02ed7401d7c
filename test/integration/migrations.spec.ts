import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../backend/src/database/data-source-options';
import { migrateWithLock } from '../../backend/src/database/migrate';
import { MIGRATIONS } from '../../backend/src/database/migrations';
import { createTestDatabase, TestDatabase } from './support/services';

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrations on the real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(database.url, 2), logging: false });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('follow the <timestamp>-<Name> convention in order', () => {
    const timestamps = MIGRATIONS.map((migration) => Number(/(\d{13})$/.exec(migration.name)?.[1]));
    expect(timestamps.every((t) => Number.isFinite(t))).toBe(true);
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
  });

  it('go up, all the way down, and up again', async () => {
    await dataSource.runMigrations();
    expect(await tables(dataSource)).toEqual([
      'agenda_document',
      'agenda_item',
      'app_user',
      'audit_event',
      'captured_mail',
      'committee',
      'cycle_section',
      'economy_import',
      'economy_import_mapping',
      'installation_settings',
      'job_execution',
      'kallelse_version',
      'meeting',
      'meeting_absence',
      'meeting_file',
      'meeting_mail',
      'meeting_package',
      'meeting_participant',
      'meeting_settings',
      'member_note',
      'memo',
      'memo_transition',
      'notification',
      'organisation_unit',
      'password_reset_token',
      'publication',
      'reminder_digest',
      'report_appendix',
      'report_cycle',
      'report_template',
      'report_version',
      'report_version_appendix',
      'report_version_file',
      'role_assignment',
      'scan_hit',
      'seed_run',
      'sent_reminder',
      'signin_attempt',
      'task',
      'task_comment',
      'task_snapshot',
      'task_transition',
      'template_section',
      'template_section_unit',
      'typeorm_migrations',
      'user_session',
    ]);
    expect(await dataSource.showMigrations()).toBe(false);

    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
    expect(await tables(dataSource)).toEqual(['typeorm_migrations']);

    await dataSource.runMigrations();
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('let the database refuse what the application must never store', async () => {
    const [committee] = await dataSource.query(
      `INSERT INTO committee (municipality, name) VALUES ('Gnesta kommun', 'Testnämnden') RETURNING id`,
    );
    const insertUnit = (name: string, kind: string, parentId: string | null = null) =>
      dataSource.query(
        `INSERT INTO organisation_unit (committee_id, parent_id, kind, name) VALUES ($1, $2, $3, $4) RETURNING id`,
        [committee.id, parentId, kind, name],
      );
    const [area] = await insertUnit('Stöd och vägledning', 'operating_area');
    await expect(insertUnit('Okänd nivå', 'kommun')).rejects.toThrow('ck_organisation_unit_kind');
    await insertUnit('Vuxenutbildning', 'unit', area.id);
    // Sibling names are unique regardless of case.
    await expect(insertUnit('VUXENUTBILDNING', 'unit', area.id)).rejects.toThrow('uq_organisation_unit_sibling_name');
    await expect(
      dataSource.query(`UPDATE organisation_unit SET parent_id = id WHERE id = $1`, [area.id]),
    ).rejects.toThrow('ck_organisation_unit_not_own_parent');
    await expect(dataSource.query(`DELETE FROM committee WHERE id = $1`, [committee.id])).rejects.toThrow(
      'fk_organisation_unit_committee',
    );
  });
});

describe('migrations when several instances start at once', () => {
  let database: TestDatabase;

  afterAll(async () => {
    await database?.drop();
  });

  it('are applied exactly once, the other instances waiting on the advisory lock', async () => {
    database = await createTestDatabase();
    const sources = await Promise.all(
      [1, 2, 3].map(() => new DataSource({ ...dataSourceOptions(database.url, 2), logging: false }).initialize()),
    );
    try {
      const applied = await Promise.all(sources.map((source) => migrateWithLock(source)));
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
      const rows = await sources[0].query('SELECT count(*)::int AS count FROM typeorm_migrations');
      expect(rows[0].count).toBe(MIGRATIONS.length);
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
    }
  });
});
