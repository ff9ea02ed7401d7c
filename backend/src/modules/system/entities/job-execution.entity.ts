import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A queue job that was carried out; its primary key makes a second delivery of the same job a no-op. */
@Entity({ name: 'job_execution' })
export class JobExecution {
  @PrimaryColumn({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  @Column({ type: 'varchar', length: 100 })
  queue: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'integer' })
  attempt: number;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
