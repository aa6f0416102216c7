// Parse + extract in worker threads (cores - 1 of them, at least 1) while the main thread fetches and writes
// the store. A batch is cut into contiguous slices, one per worker, and put back together in order: the
// results are exactly those of the single-threaded preparer, in the same order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawMessage } from '../types.js';
import type { Prepared, PrepareContext, Preparer } from './prepare.js';

/** What a worker sends back for one mail: everything but the raw mail, which the main thread still holds. */
export type PreparedResult = Prepared extends infer P ? (P extends { raw: RawMessage } ? Omit<P, 'raw'> : never) : never;

export interface PrepareRequest {
  id: number;
  ctx: PrepareContext;
  raws: RawMessage[];
}

export interface PrepareResponse {
  id: number;
  results?: PreparedResult[];
  error?: string;
}

export const poolSize = (): number => Math.max(1, availableParallelism() - 1);

export interface PreparerPool {
  prepare: Preparer;
  close(): Promise<void>;
}

const WORKER = fileURLToPath(new URL('./prepare-worker.js', import.meta.url));

/** null when the compiled worker script is not beside this module (running from TypeScript source). */
export function createPreparerPool(size = poolSize()): PreparerPool | null {
  if (!existsSync(WORKER)) return null;
  const pending = new Map<number, { resolve: (r: PreparedResult[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(WORKER);
    worker.unref(); // a command that forgets close() still exits
    worker.on('message', (response: PrepareResponse) => {
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (response.results) waiting?.resolve(response.results);
      else waiting?.reject(new Error(response.error ?? 'a parse worker failed'));
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    return worker;
  });
  const ask = (worker: Worker, ctx: PrepareContext, raws: RawMessage[]): Promise<PreparedResult[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ctx: { me: [...ctx.me], timeZone: ctx.timeZone }, raws } satisfies PrepareRequest);
    });
  return {
    async prepare(ctx, raws) {
      const slice = Math.ceil(raws.length / workers.length);
      const parts = workers.map((worker, i) => ask(worker, ctx, raws.slice(i * slice, (i + 1) * slice)));
      const results = (await Promise.all(parts)).flat();
      return results.map((result, i) => ({ ...result, raw: raws[i] as RawMessage }) as Prepared);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * Small batches (the daemon's few new mails) stay in this thread: starting a worker costs more than they do.
 * The pool starts on the first large batch.
 */
export function pooledPreparer(inline: Preparer, minBatch = 20): { prepare: Preparer; close(): Promise<void> } {
  let pool: PreparerPool | null | undefined;
  return {
    prepare(ctx, raws) {
      if (raws.length < minBatch) return inline(ctx, raws);
      pool ??= createPreparerPool();
      return pool ? pool.prepare(ctx, raws) : inline(ctx, raws);
    },
    close: async () => pool?.close(),
  };
}
