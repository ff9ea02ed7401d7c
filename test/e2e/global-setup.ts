import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueName } from '../integration/support/services';
import { freePort, startOidcProvider } from '../support/oidc';

const root = join(__dirname, '../..');

/**
 * Starts the built application (dist/backend/main.js serving dist/frontend) in a database of
 * its own, as `npm start` would but on the machine's PostgreSQL; returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  for (const file of ['dist/backend/main.js', 'dist/frontend/browser/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: build first (npm test does)`);
  }
  const database = await createTestDatabase('e2e');
  const prefix = uniqueName('redis');
  // The municipality's identity provider: a real OIDC provider on loopback.
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider(`${publicUrl}/api/auth/oidc/callback`);
  // Mail goes through real SMTP to the embedded catcher, as under npm start (page Utskick).
  const smtpPort = await freePort();
  const server = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '200',
      MAIL_CATCHER: 'on',
      MAIL_CATCHER_PORT: String(smtpPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 90 s:\n${output}`)), 90_000);
    const check = setInterval(() => {
      const match = /running on (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    }, 50);
    server.on('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${output}`));
    });
  });
  process.env['E2E_BASE_URL'] = baseUrl;
  process.env['E2E_OIDC_ISSUER'] = provider.issuer;
  process.env['E2E_SMTP_URL'] = `smtp://127.0.0.1:${smtpPort}`;
  process.env['E2E_REDIS_KEY_PREFIX'] = prefix;

  return async () => {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await provider.stop();
    await database.drop();
    await deleteRedisKeys(prefix);
  };
}
