import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SystemService } from '../../backend/src/modules/system/system.service';
import { buildJobId, JobName } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';

async function executions(dataSource: DataSource, jobId: string): Promise<Array<{ attempt: number }>> {
  return dataSource.query('SELECT attempt FROM job_execution WHERE job_id = $1', [jobId]);
}

describe('BullMQ on the real Redis: an HTTP-only process enqueues, a separate worker process carries out', () => {
  let database: TestDatabase;
  let http: RunningApp;
  let worker: INestApplicationContext;
  let queues: QueueService;
  let dataSource: DataSource;
  const prefix = uniqueName('redis');

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, PROCESS_ROLE: 'http' });
    worker = await startWorker({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, SEED_DEMO_DATA: 'false' });
    queues = http.app.get(QueueService);
    dataSource = http.app.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('runs a delayed job after its delay, once, although it was enqueued twice with the same id', async () => {
    const jobId = buildJobId('queue-check', 'integration-twice');
    const requestedAt = new Date().toISOString();
    const first = await queues.enqueue(JobName.QueueCheck, { requestedAt }, { jobId, delayMs: 700 });
    const second = await queues.enqueue(JobName.QueueCheck, { requestedAt }, { jobId, delayMs: 700 });
    expect(second.id).toBe(first.id);
    expect(await first.getState()).toBe('delayed');

    const queue = queues.queue(JobName.QueueCheck);
    const done = await waitFor('the job to complete', async () => {
      const job = await queue.getJob(jobId);
      return job && (await job.isCompleted()) ? job : undefined;
    });
    expect(done.returnvalue).toEqual({ carriedOut: true });
    expect((done.processedOn ?? 0) - done.timestamp).toBeGreaterThanOrEqual(700);
    expect(await executions(dataSource, jobId)).toEqual([{ attempt: 1 }]);
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
  });

  it('does not carry a job out again when the same id comes back after its record left Redis', async () => {
    const jobId = buildJobId('queue-check', 'integration-redelivered');
    const queue = queues.queue(JobName.QueueCheck);
    await queues.enqueue(JobName.QueueCheck, { requestedAt: new Date().toISOString() }, { jobId });
    await waitFor('the first run', async () => (await queue.getJob(jobId))?.isCompleted());

    // As after Redis lost its data, or retention removed the completed job.
    await queue.remove(jobId);
    await queues.enqueue(JobName.QueueCheck, { requestedAt: new Date().toISOString() }, { jobId });
    const again = await waitFor('the second delivery', async () => {
      const job = await queue.getJob(jobId);
      return job && (await job.isCompleted()) ? job : undefined;
    });
    expect(again.returnvalue).toEqual({ carriedOut: false });
    expect(await executions(dataSource, jobId)).toHaveLength(1);
  });

  it('refuses a job id that is not built from the data, before BullMQ sees it', async () => {
    for (const jobId of ['42', 'reminder:abc:before']) {
      await expect(
        queues.enqueue(JobName.QueueCheck, { requestedAt: new Date().toISOString() }, { jobId }),
      ).rejects.toThrow('built with buildJobId');
    }
    expect(buildJobId('reminder', 'task-1', 'before', '2026-11-24T08:00:00.000Z')).toBe(
      'reminder|task-1|before|2026-11-24T08-00-00.000Z',
    );
  });

  it('the start-up queue check of the HTTP process was carried out by the worker process', async () => {
    const system = http.app.get(SystemService);
    expect(system).toBeDefined();
    const rows = await waitFor('the start-up check', async () => {
      const found: Array<{ job_id: string }> = await dataSource.query(
        `SELECT job_id FROM job_execution WHERE job_id LIKE 'queue-check|2%'`,
      );
      return found.length > 0 ? found : undefined;
    });
    expect(rows).toHaveLength(1);
  });
});
