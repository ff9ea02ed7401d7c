import 'reflect-metadata';
import { createHttpApp, createWorkerContext, exitOnBootError, prepareServices } from './bootstrap';
import { validateEnvironment } from './config/environment';
import { demoLoginLines } from './modules/users/demo-people.seed';

/**
 * HTTP entry: the API under /api and the built frontend. With PROCESS_ROLE=all (the default)
 * the queue worker runs in this process too; PROCESS_ROLE=worker runs only the worker
 * (the same as `node worker.js`).
 */
async function main(): Promise<void> {
  const environment = validateEnvironment(process.env);
  await prepareServices(environment);
  if (environment.PROCESS_ROLE === 'worker') {
    await createWorkerContext(environment);
    console.log('Rapportflöde worker is running (PROCESS_ROLE=worker)');
    return;
  }
  const app = await createHttpApp(environment);
  await app.listen(environment.PORT, environment.HOST);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : environment.PORT;
  if (environment.SEED_DEMO_DATA) console.log(demoLoginLines(environment.DEMO_PASSWORD).join('\n'));
  console.log(`Rapportflöde is running on http://localhost:${port} (PROCESS_ROLE=${environment.PROCESS_ROLE})`);
}

main().catch(exitOnBootError);
