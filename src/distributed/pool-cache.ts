/**
 * A queue worker's trial pools, one per fit it serves (keyed by the data hash). A pool is created
 * the first time a trial of a fit arrives, with that fit's data fetched from Redis once, and then
 * serves every later trial of the fit. When trials of another fit arrive, pools with no trial
 * running are closed, so a long-lived worker holds the data of the fits it currently serves only.
 */
import type { Redis } from 'ioredis';
import { WorkerPoolRunner } from '../search/runner/worker-pool-runner.ts';
import { fetchPayload } from './evaluation-payload.ts';

interface Entry {
  readonly pool: Promise<WorkerPoolRunner | null>;
  running: number;
}

export class PoolCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly redis: Redis,
    /** Trial threads per pool: the worker's concurrency. */
    private readonly threads: number,
  ) {}

  /**
   * Runs `use` with the pool of the fit whose data has this hash, or with null when that data is
   * no longer in Redis (it expired, or was never stored).
   */
  async with<T>(hash: string, memoryMb: number, use: (pool: WorkerPoolRunner | null) => Promise<T>): Promise<T> {
    let entry = this.entries.get(hash);
    if (entry === undefined) {
      this.evictIdle();
      entry = { pool: this.create(hash, memoryMb), running: 0 };
      this.entries.set(hash, entry);
    }
    entry.running++;
    try {
      let pool: WorkerPoolRunner | null;
      try {
        pool = await entry.pool;
      } catch (error) {
        // Redis failed mid-fetch: the next trial of this fit fetches again.
        if (this.entries.get(hash) === entry) this.entries.delete(hash);
        throw error;
      }
      // Data that was missing may be stored later by a rerun of its fit: ask again next time.
      if (pool === null && this.entries.get(hash) === entry) this.entries.delete(hash);
      return await use(pool);
    } finally {
      entry.running--;
    }
  }

  async close(): Promise<void> {
    const pools = [...this.entries.values()].map((entry) => entry.pool);
    this.entries.clear();
    await Promise.all(pools.map(async (pool) => (await pool)?.close()));
  }

  private async create(hash: string, memoryMb: number): Promise<WorkerPoolRunner | null> {
    const payload = await fetchPayload(this.redis, hash);
    if (payload === null) return null;
    return new WorkerPoolRunner({ data: payload.data, workers: this.threads, memoryMb, backend: payload.backend });
  }

  private evictIdle(): void {
    for (const [hash, entry] of this.entries) {
      if (entry.running > 0) continue;
      this.entries.delete(hash);
      void entry.pool.then((pool) => pool?.close());
    }
  }
}
