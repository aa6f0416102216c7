// followthru explain FILE: every decision extraction made on one mail, in order.
import { sentenceFeatures } from '../extract/features.js';
import type { SentenceTrace } from '../extract/index.js';
import { rulesDir } from '../extract/rules.js';
import { loadScorer, probability, type ScorerModel, topFeatures } from '../extract/scorer.js';
import { splitReply } from '../parse/reply-text.js';
import type { CliCommand } from './command.js';

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** What the learned scorer makes of a candidate sentence, shown whether or not it is switched on. */
function scorerLine(model: ScorerModel, s: SentenceTrace, index: number): string {
  const features = sentenceFeatures(s.text, s.candidates, index);
  const p = probability(model, features);
  const top = topFeatures(model, features).map((f) => `${f.feature} ${f.weight > 0 ? '+' : ''}${f.weight.toFixed(2)}`);
  const verdict = p >= model.threshold ? 'keep' : 'drop';
  return `     scorer${model.enabled ? '' : ' (off)'}: p ${p.toFixed(2)} → ${verdict} (threshold ${model.threshold}); top: ${top.join(', ')}`;
}

function sentenceLines(model: ScorerModel | null, s: SentenceTrace, index: number): string[] {
  const lines = [`  ${index + 1}. "${s.text}"`];
  if (s.request) lines.push(`     asks the reader: ${s.request}`);
  if (!s.screened) return lines;
  if (s.candidates.length === 0) lines.push('     screened in, but no rule matched');
  for (const c of s.candidates) {
    const verdict = c.droppedBy ? `${c.kept ? 'weakened' : 'dropped'} by ${c.droppedBy}: ${c.reason}` : 'kept';
    lines.push(`     rule ${c.rule} → "${c.action}" (confidence ${c.confidence.toFixed(2)}) — ${verdict}`);
    for (const step of c.dueTrace) lines.push(`       ${step}`);
    if (c.due) lines.push(`       due ${c.due.date}${c.due.at ? ` at ${c.due.at}` : ''} from '${c.due.text}'`);
  }
  if (model && s.candidates.length) lines.push(scorerLine(model, s, index));
  return lines;
}

export const explainCommand: CliCommand = {
  name: 'explain',
  args: '<file>',
  description: 'show how extraction read one mail: kept text, candidates, rules, refiners, due dates',
  options: [{ flags: '--tz <zone>', description: "read due dates in this IANA zone instead of the sender's" }],
  async run([file], options) {
    const [{ createExtractor }, { checkZone, parsedMail }] = await Promise.all([
      import('../extract/index.js'),
      import('./mail-files.js'),
    ]);
    const extractor = createExtractor();
    const model = loadScorer(rulesDir());
    for await (const parsed of parsedMail([file ?? ''], checkZone(options.tz))) {
      if ('error' in parsed) {
        process.stderr.write(`followthru: cannot explain ${parsed.file}: ${parsed.error}\n`);
        return 1;
      }
      const { message } = parsed;
      const cut = splitReply(message.text);
      const analysis = extractor.analyse(message);
      const out = [
        `${parsed.file}`,
        `sent ${message.date?.toISOString() ?? '(no date)'} in ${offsetText(message.tzOffsetMinutes)}; subject "${message.subject}"`,
        cut.cutBy ? `new text ends at line ${cut.cutAtLine ?? '?'}: cut by ${cut.cutBy}` : 'new text is the whole body',
        '--- new text ---',
        message.newText.trim(),
        '--- sentences ---',
        ...analysis.sentences.flatMap((s, i) => sentenceLines(model, s, i)),
        '--- result ---',
        `${analysis.commitments.length} promise(s); expects a reply: ${analysis.expectsReply ? 'yes' : 'no'}`,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    }
    return 0;
  },
};
