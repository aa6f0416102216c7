// One extraction worker (see pool.ts): builds the extractor once, then extracts each batch share it is sent, in
// order. A mail whose extraction throws comes back as null: the main thread extracts it again, and its error
// then takes the path a main-thread error takes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Extraction, Message } from '../types.js';
import { createExtractor } from './index.js';

const { country } = workerData as { country?: string };
const extractor = createExtractor(undefined, undefined, country);

parentPort?.on('message', ({ id, messages }: { id: number; messages: Message[] }) => {
  const results = messages.map((message): Extraction | null => {
    try {
      return extractor.extract(message);
    } catch {
      return null;
    }
  });
  parentPort?.postMessage({ id, results });
});
