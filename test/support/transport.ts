// A Transport for tests: one JSON object per mail appended to a file (0600), so a test (or a child process it
// started) reads back exactly what followthru would have sent.
import { appendFile } from 'node:fs/promises';
import type { Transport } from '../../src/digest/transport.js';

export function jsonLinesTransport(path: string): Transport {
  return {
    name: 'json-lines',
    deliver: (mail) =>
      appendFile(path, `${JSON.stringify({ ...mail, date: mail.date.toISOString() })}\n`, { mode: 0o600 }),
  };
}
