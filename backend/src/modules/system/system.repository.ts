import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** job_execution: which jobs have been carried out. */
@Injectable()
export class SystemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a job's execution; false when it was recorded already. */
  async insertExecution(jobId: string, queue: string, name: string, attempt: number): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO job_execution (job_id, queue, name, attempt) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
      [jobId, queue, name, attempt],
    );
    return inserted.length > 0;
  }
}
