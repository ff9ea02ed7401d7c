// Sign-in latency: POST /api/auth/login against the built backend (real PostgreSQL, Redis,
// argon2id), beside a bare argon2.verify of the same kind of hash in the same run.
// Usage: npm run bench -- signin [--count 100]
import * as argon2 from 'argon2';
import { startBackend } from './support/harness';

const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 100;
const PASSWORD = 'Rapportflode-demo-2026';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `  ${label.padEnd(48)}${percentile(sorted, 50).toFixed(1).padStart(9)}${percentile(sorted, 95).toFixed(1).padStart(9)}${sorted[sorted.length - 1].toFixed(1).padStart(9)}`;
}

async function main(): Promise<void> {
  const server = await startBackend();
  try {
    const signIn = async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lena.wik@gnesta.example.se', password: PASSWORD }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 5; i++) await signIn(); // warm-up
    const app: number[] = [];
    for (let i = 0; i < count; i++) app.push(await signIn());

    // The same argon2id parameters as PasswordService (OWASP minimum: 19 MiB, t=2, p=1).
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    for (let i = 0; i < 5; i++) await argon2.verify(hash, PASSWORD);
    const bare: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await argon2.verify(hash, PASSWORD);
      bare.push(performance.now() - started);
    }
    console.log(`\nSign-in latency, ${count} sequential sign-ins each (${new Date().toISOString()})`);
    console.log(`  ${'what'.padEnd(48)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}`);
    console.log(summary('POST /api/auth/login (HTTP, session, audit)', app));
    console.log(summary('baseline: bare argon2id verify', bare));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
