// followthru extract [--json] [--tz ZONE] PATH...
import { isoInOffset } from '../calendar/index.js';
import type { Commitment, Extraction, Message } from '../types.js';
import type { CliCommand } from './command.js';

export function extractionJson(file: string, message: Message, extraction: Extraction): string {
  return JSON.stringify({
    file,
    messageId: message.messageId ?? message.id,
    sentAt: message.date ? isoInOffset(message.date, message.tzOffsetMinutes) : null,
    expectsReply: extraction.expectsReply,
    commitments: extraction.commitments.map((c) => ({
      text: c.text,
      action: c.action,
      due: c.due?.date ?? null,
      dueAt: c.due?.at ?? null,
      dueText: c.due?.text ?? null,
      confidence: c.confidence,
      rule: c.rule,
    })),
  });
}

function readable(file: string, message: Message, extraction: Extraction): string {
  const head = `${file}  ${message.subject || '(no subject)'}${extraction.expectsReply ? '  [expects a reply]' : ''}`;
  const line = (c: Commitment) =>
    `  • ${c.action}${c.due ? ` — due ${c.due.date} ('${c.due.text}')` : ''}\n    "${c.text}"  (${c.rule}, ${c.confidence.toFixed(2)})`;
  return [head, ...(extraction.commitments.length ? extraction.commitments.map(line) : ['  no promises'])].join('\n');
}

export const extractCommand: CliCommand = {
  name: 'extract',
  args: '<path...>',
  description: 'find the promises in mail files (.eml, folders, mbox, Maildir)',
  options: [
    { flags: '--json', description: 'one JSON line per message' },
    { flags: '--tz <zone>', description: "read due dates in this IANA zone instead of the sender's" },
  ],
  async run(paths, options) {
    const [{ createExtractor }, { checkZone, parsedMail }] = await Promise.all([
      import('../extract/index.js'),
      import('./mail-files.js'),
    ]);
    const timeZone = checkZone(options.tz);
    const extractor = createExtractor();
    let failed = 0;
    for await (const parsed of parsedMail(paths, timeZone)) {
      if ('error' in parsed) {
        failed++;
        process.stderr.write(`followthru: skipped ${parsed.file}: ${parsed.error}\n`);
        continue;
      }
      const extraction = extractor.extract(parsed.message);
      const out = options.json
        ? extractionJson(parsed.file, parsed.message, extraction)
        : readable(parsed.file, parsed.message, extraction);
      process.stdout.write(`${out}\n`);
    }
    return failed ? 1 : 0;
  },
};
