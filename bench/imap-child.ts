// One IMAP benchmark size in its own process: prints its figures as one JSON line (see imap.ts).
import { runImapChild } from './imap.js';

const [mode = 'sync', count, ...dirs] = process.argv.slice(2);
console.log(JSON.stringify(await runImapChild(mode, Number(count), dirs)));
