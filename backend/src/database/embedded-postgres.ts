import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The embedded default: PostgreSQL compiled to wasm (PGlite) behind a local socket server,
 * so TypeORM uses its ordinary postgres driver and only DATABASE_URL differs from production.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    readonly dataDir: string,
  ) {}

  static async start(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
    const dir = resolve(dataDir, 'postgres');
    mkdirSync(dir, { recursive: true });
    const db = await PGlite.create(dir);
    // maxConnections must cover the pool, or pg's second connection is refused.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxConnections + 2 });
    await server.start();
    const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    return new EmbeddedPostgres(db, server, url, dir);
  }

  /** Call after the DataSource is destroyed: socket server first, then the database. */
  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
