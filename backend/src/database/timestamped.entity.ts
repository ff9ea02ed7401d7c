import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** Columns every organisation record has: whether it is in use, and when it was created and changed. */
export abstract class ActiveTimestampedEntity {
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
