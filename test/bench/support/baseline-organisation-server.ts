// The baseline: a bare node:http server answering GET /api/organisation with the same SQL
// (ORGANISATION_SQL) and the same shaping (organisationResponseFromRows) through `pg`,
// without Nest, TypeORM, helmet, logging or validation.
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { organisationResponseFromRows } from '../../../backend/src/modules/organisation/organisation-response';
import { ORGANISATION_SQL, OrganisationRow } from '../../../backend/src/modules/organisation/organisation.repository';

const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
const server = createServer(async (req, res) => {
  if (req.method !== 'GET' || req.url !== '/api/organisation') {
    res.writeHead(404).end();
    return;
  }
  try {
    const { rows } = await pool.query<OrganisationRow>(ORGANISATION_SQL);
    const body = JSON.stringify(organisationResponseFromRows(rows));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  } catch (error) {
    res.writeHead(500).end((error as Error).message);
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`baseline running on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
