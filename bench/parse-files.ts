// The floor of `followthru extract`: a fresh process that reads every .eml of a folder and bare-parses it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBare } from '../src/parse/mailparser.js';

const dir = process.argv[2] ?? '.';
for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
  await parseBare({ origin: `file:${file}`, mailbox: 'Sent', bytes: readFileSync(join(dir, file)) });
}
