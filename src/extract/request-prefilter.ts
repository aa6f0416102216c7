// A cheap test for the sentences worth handing to the request rules (rules/requests.json), like prefilter.ts for
// promises. Lexical rules need their words; the imperative and question rules need a sentence that does not open
// with a word that can never start a command (I, the, this, thanks, …). Most sentences open that way, and
// tagging them was three quarters of extraction's time. The rule examples test that nothing is lost.

const WORDS =
  /\b(?:please|pls|let\s+(?:me|us)|let['’]s|lets|keep me|advise|get back to me|call me|give me|drop me|send me|e-?mail me|(?:can|could|would|will|need|want|like|if|appreciate it if)\s+(?:you|u|y['’]all)|you\s+(?:should|must|need|will|['’]ll|might|may|have)|(?:need|needed|like|want)\s+to\s+(?:know|hear|see|receive|get your|have your)|appreciate|appreciated|would be|forget|remember|thoughts|comments|feedback|input|suggestions|opinion|views)\b/i;

/** Words that never open an imperative or a question (pronouns but "you", articles, fillers, greetings). */
const NEVER_FIRST = new Set(
  'i we he she it they i\'m i\'ll i\'ve i\'d we\'re we\'ll we\'ve it\'s there\'s that\'s the a an this that these those there here my our his her its their if as for in on at with from to of by attached enclosed thanks thank hi hello hey dear yes no ok okay and but so also just fyi re all any some each both one two three after before since because while although though per according regarding you your you\'re you\'ll you\'ve today tomorrow yesterday however unfortunately hopefully sorry great good sounds looks seems note below above most many much more less other another such only even still yet already again now then currently actually basically otherwise instead meanwhile additionally furthermore anyway'.split(' '),
);

export function mayAsk(sentence: string): boolean {
  if (WORDS.test(sentence)) return true;
  const first = /^[^A-Za-z]*([A-Za-z'’]+)/.exec(sentence)?.[1]?.toLowerCase().replace('’', "'");
  return first !== undefined && !NEVER_FIRST.has(first) && !/^\d/.test(first);
}
