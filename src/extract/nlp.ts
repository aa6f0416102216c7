// The compromise adapter: the only file that imports compromise. Builds each rule net once.
import nlp from 'compromise';
import type { Rule } from './rules.js';

export interface RuleHit {
  ruleId: string;
  /** Character offset of the match in the sentence. */
  start: number;
  matchText: string;
  /** The promised verb as written, and where it starts; null for rules without an <act> group. */
  act: { text: string; start: number } | null;
}

export type SentenceMatcher = (sentence: string) => RuleHit[];

interface Offset {
  text: string;
  offset: { start: number };
}

export function compileMatcher(rules: Rule[]): SentenceMatcher {
  // buildNet mutates what it gets: hand it copies.
  // notIf is checked here against the whole sentence, not by buildNet: the net checks it only inside the
  // matched words, and cannot read multi-word alternatives there.
  const net = nlp.buildNet(rules.map((r) => ({ match: r.match, id: r.id })));
  const byId = new Map(rules.map((r) => [r.id, r]));
  return (sentence) => {
    // "11:00 am--I will": a dash run glues words into one term; a comma of the same length keeps the offsets.
    const doc = nlp(sentence.replace(/--/g, ', '));
    const { found } = doc.sweep(net) as { found: { id?: string }[] };
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const f of found) {
      const rule = f.id ? byId.get(f.id) : undefined;
      if (!rule || seen.has(rule.id)) continue;
      seen.add(rule.id);
      if (rule.notIf?.some((veto) => doc.has(veto))) continue;
      // A rule can match several clauses of one sentence ("we will be there and I will bring it"): keep each.
      // Group views lose their group names one by one, so pair each match with the <act> that lies inside it.
      const view = doc.match(rule.match);
      const acts = (view.groups('act') as ReturnType<typeof doc.match> | undefined)?.json({ offset: true }) as
        | Offset[]
        | undefined;
      for (const whole of view.json({ offset: true }) as Offset[]) {
        const { start } = whole.offset;
        const act = acts?.find((a) => a.offset.start >= start && a.offset.start < start + whole.text.length + 1);
        hits.push({
          ruleId: rule.id,
          start,
          matchText: whole.text,
          act: act ? { text: act.text, start: act.offset.start } : null,
        });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  };
}
