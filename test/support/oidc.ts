import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on loopback (the app's PUBLIC_URL must be known before the provider starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (npm oidc-provider) in a child process, on loopback: its
 * login page takes any e-mail address and signs that person in. See oidc-provider.mjs.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestOidcProvider> {
  const clientSecret = 'test-client-secret-0123456789';
  const child: ChildProcess = spawn(process.execPath, ['--no-warnings', join(__dirname, 'oidc-provider.mjs')], {
    env: { PATH: process.env['PATH'] ?? '', OIDC_PORT: '0', OIDC_CLIENT_SECRET: clientSecret, OIDC_REDIRECT_URI: redirectUri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start:\n${output}`)), 15_000);
    const poll = setInterval(() => {
      const match = /OIDC provider listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 25);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`OIDC provider exited with ${code}:\n${output}`));
    });
  });
  return {
    issuer,
    clientId: 'rapportflode',
    clientSecret,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
