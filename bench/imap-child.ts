// One IMAP benchmark size in its own process: prints its figures as one JSON line (see imap.ts).
import { runImapChild } from './imap.js';

const [count, ...dirs] = process.argv.slice(2);
console.log(JSON.stringify(await runImapChild(Number(count), dirs)));
