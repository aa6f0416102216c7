// A parse worker (see pool.ts): builds its own extractor once, then prepares the slices the main thread sends.
import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../errors.js';
import { createExtractor } from '../extract/index.js';
import type { PrepareRequest, PrepareResponse, PreparedResult } from './pool.js';
import { prepareOne } from './prepare.js';

const extractor = createExtractor();

parentPort?.on('message', (request: PrepareRequest) => {
  void (async () => {
    try {
      const results: PreparedResult[] = [];
      for (const raw of request.raws) {
        const { raw: _sent, ...result } = await prepareOne(extractor, request.ctx, { ...raw, bytes: Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength) });
        results.push(result);
      }
      parentPort?.postMessage({ id: request.id, results } satisfies PrepareResponse);
    } catch (error) {
      parentPort?.postMessage({ id: request.id, error: errorMessage(error) } satisfies PrepareResponse);
    }
  })();
});
