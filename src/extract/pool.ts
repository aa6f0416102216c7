// Extraction on both cores: a batch's mails are split in contiguous shares, one per worker thread and one for
// the calling thread, and the results come back in the batch's order, so the items and their order are those of
// a single-threaded run. Workers start on the first batch large enough to pay for them (a worker loads compromise
// and chrono itself, about a second), and never keep the process alive.
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extraction, Message } from '../types.js';
import type { Extractor } from './index.js';

export interface ExtractionPool {
  /** Extraction of every mail, in order; null where a worker's extraction threw (extract it in line). */
  extractAll(messages: readonly Message[]): Promise<(Extraction | null)[]>;
  /** How many mails worker threads have extracted so far (the rest were extracted in line). */
  readonly shared: number;
  close(): Promise<void>;
}

/** Below this many mails a batch is extracted in line: a worker's start and the copying would cost more. */
export const MIN_SHARED = 32;

/** The compiled worker: beside this file in dist/, or in dist/ when this file runs from the sources (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  return resolve(dirname(here), '..', '..', 'dist', 'src', 'extract', 'worker.js');
}

interface Pending {
  resolve(results: (Extraction | null)[]): void;
  reject(error: Error): void;
}

class ExtractionWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | null = null;

  constructor(country: string | undefined) {
    this.worker = new Worker(workerFile(), { workerData: { country } });
    this.worker.unref();
    this.worker.on('message', ({ id, results }: { id: number; results: (Extraction | null)[] }) => {
      this.pending.get(id)?.resolve(results);
      this.pending.delete(id);
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`extraction worker exited (${code})`)));
  }

  extract(messages: Message[]): Promise<(Extraction | null)[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.worker.postMessage({ id, messages });
    });
  }

  async close(): Promise<void> {
    this.failed ??= new Error('extraction pool closed');
    await this.worker.terminate();
  }
}

/** Worker threads: $FOLLOWTHRU_EXTRACT_WORKERS ("auto": cores - 1, at least 1), else none. Off by default: each
 * worker holds its own compromise (about 75 MiB more peak RSS), and on a 2-core host shared with other work a
 * first sync of 3,000 mails measured slower with a worker (25.4 s) than without (16.9 s). */
export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.FOLLOWTHRU_EXTRACT_WORKERS ?? '';
  if (setting === 'auto') return Math.max(1, availableParallelism() - 1);
  const set = Number.parseInt(setting, 10);
  return Number.isInteger(set) && set >= 0 ? set : 0;
}

/** size: worker threads (see defaultPoolSize); the calling thread extracts a share too. */
export function createExtractionPool(
  extractor: Extractor,
  options: { country?: string; size?: number } = {},
): ExtractionPool {
  const size = options.size ?? defaultPoolSize();
  let workers: ExtractionWorker[] | null = null;
  let shared = 0;
  const inLine = (messages: readonly Message[]) =>
    messages.map((message): Extraction | null => {
      try {
        return extractor.extract(message);
      } catch {
        return null;
      }
    });
  return {
    async extractAll(messages) {
      if (messages.length < MIN_SHARED || size < 1) return inLine(messages);
      workers ??= Array.from({ length: size }, () => new ExtractionWorker(options.country));
      const share = Math.ceil(messages.length / (workers.length + 1));
      const shares = workers.map((worker, i) => {
        const part = messages.slice(share * (i + 1), share * (i + 2));
        // A worker that failed leaves its share to the calling thread: slower, never different.
        if (!part.length) return Promise.resolve([]);
        return worker.extract(part).then(
          (results) => {
            shared += part.length;
            return results;
          },
          () => inLine(part),
        );
      });
      const own = inLine(messages.slice(0, share));
      return [own, ...(await Promise.all(shares))].flat();
    },
    get shared() {
      return shared;
    },
    async close() {
      const running = workers ?? [];
      workers = null;
      await Promise.all(running.map((w) => w.close()));
    },
  };
}
