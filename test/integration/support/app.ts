import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp, createWorkerContext } from '../../../backend/src/bootstrap';
import { Environment, validateEnvironment } from '../../../backend/src/config/environment';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, TestDatabase, uniqueName } from './services';

export type EnvOverrides = Record<string, string | undefined>;

/** The environment of a test application: real services, its own key prefix, quiet logs, no frontend. */
export function testEnvironment(overrides: EnvOverrides): Environment {
  return validateEnvironment({
    NODE_ENV: 'test',
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'warn',
    FRONTEND_DIR: '/nonexistent-frontend',
    HOST: '127.0.0.1',
    PORT: '0',
    ...overrides,
  });
}

export interface RunningApp {
  app: NestExpressApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** Boots the real application (the same bootstrap as main.ts) on a free port. */
export async function startHttpApp(overrides: EnvOverrides): Promise<RunningApp> {
  const environment = testEnvironment(overrides);
  const app = await createHttpApp(environment);
  await app.listen(environment.PORT, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address !== 'object') throw new Error('The application is not listening');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export async function startWorker(overrides: EnvOverrides): Promise<INestApplicationContext> {
  return createWorkerContext(testEnvironment({ ...overrides, PROCESS_ROLE: 'worker' }));
}

/**
 * The usual setup of a test file: the real application on a database and Redis prefix of its
 * own, created before the tests and removed after them. Read `app.running` inside tests.
 */
export function useTestApp(overrides: EnvOverrides = {}): { readonly running: RunningApp } {
  let database: TestDatabase | undefined;
  let running: RunningApp | undefined;
  const prefix = uniqueName('redis');
  beforeAll(async () => {
    database = await createTestDatabase();
    running = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, ...overrides });
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });
  return {
    get running() {
      if (!running) throw new Error('The test application is not running (use it inside a test)');
      return running;
    },
  };
}
