import type { EntityManager } from 'typeorm';

/**
 * Claims the seed_run marker of one seed: true the first time, false once claimed. Called inside
 * the seed's transaction (or just before it), so two processes starting together seed it once.
 */
export async function claimSeedRun(manager: Pick<EntityManager, 'query'>, name: string): Promise<boolean> {
  const claimed: unknown[] = await manager.query(
    'INSERT INTO seed_run (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING name',
    [name],
  );
  return claimed.length > 0;
}
