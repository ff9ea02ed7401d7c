import 'reflect-metadata';
import { createWorkerContext, exitOnBootError, prepareServices } from './bootstrap';
import { validateEnvironment } from './config/environment';

/** Queue-worker entry: the same modules as the HTTP entry, no HTTP. Scale it separately. */
async function worker(): Promise<void> {
  const environment = validateEnvironment({ ...process.env, PROCESS_ROLE: 'worker' });
  await prepareServices(environment);
  await createWorkerContext(environment);
  console.log('Rapportflöde worker is running');
}

worker().catch(exitOnBootError);
