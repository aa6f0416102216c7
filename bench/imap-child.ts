// One IMAP benchmark size in its own process: prints its figures as one JSON line (see imap.ts).
import { tuneHeap } from '../src/heap.js';
import { runImapChild } from './imap.js';

const [mode = 'sync', count, ...dirs] = process.argv.slice(2);
// The sync runs with the heap settings of the real process (main.ts); the floor stays bare node.
if (mode === 'sync') tuneHeap();
console.log(JSON.stringify(await runImapChild(mode, Number(count), dirs)));
