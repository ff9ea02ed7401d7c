import 'reflect-metadata';
import { createWorkerContext, prepareServices } from './bootstrap';
import { EnvironmentError, validateEnvironment } from './config/environment';
import { RedisUnavailableError } from './queue/local-redis';

/** Queue-worker entry: the same modules as the HTTP entry, no HTTP. Scale it separately. */
async function worker(): Promise<void> {
  const environment = validateEnvironment({ ...process.env, PROCESS_ROLE: 'worker' });
  await prepareServices(environment);
  await createWorkerContext(environment);
  console.log('Rapportflöde worker is running');
}

worker().catch((error: unknown) => {
  if (error instanceof EnvironmentError || error instanceof RedisUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
