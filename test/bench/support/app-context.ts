// The backend's controllers use Express.Multer.File (a global type from @types/multer).
/// <reference types="multer" />
import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerContext } from '../../../backend/src/bootstrap';
import { validateEnvironment } from '../../../backend/src/config/environment';
import { TEST_REDIS_URL } from '../../integration/support/services';

/**
 * The application in this process as a Nest application context (no HTTP listener), as the
 * worker is started: `PROCESS_ROLE` in `env` says whether the queue worker runs in it. Real
 * services, quiet logs; `env` adds to or overrides the environment.
 */
export async function startAppContext(env: Record<string, string>): Promise<INestApplicationContext> {
  return createWorkerContext(
    validateEnvironment({
      NODE_ENV: 'test',
      REDIS_URL: TEST_REDIS_URL,
      LOG_LEVEL: 'warn',
      FRONTEND_DIR: '/nonexistent-frontend',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    }),
  );
}
