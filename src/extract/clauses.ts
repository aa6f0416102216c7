// Where the clause of a promise begins and ends, so a hedge, condition or purpose in a neighbouring clause
// ("it might be worth raising an issue - I'll do that") is not read as part of the promise.

/** Strong boundaries only: a comma does not end a clause here ("Maybe tomorrow, I'll send it" stays hedged). */
const BOUNDARY = /[;:()]|\s[-–—]+\s|\b(?:but|so|though|although|however|whereas|anyway)\b/gi;

/** The text of the clause that holds the offset `at`, up to `at`. */
export function clauseBefore(sentence: string, at: number): string {
  const head = sentence.slice(0, at);
  let start = 0;
  for (const m of head.matchAll(BOUNDARY)) start = m.index + m[0].length;
  return head.slice(start);
}

/** A subordinate clause after the promise ("… so that if you change it …", "… which should fix it") is not its condition. */
const SUBORDINATE = /\b(?:so that|so|such that|in order to|because|since|which|where|while|whereas|that will|who)\b/i;

/** "I will include a copy and override it if needed": an "and" before another act starts a second one, with its
 * own condition ("and then", "and override"); an "and" joining people or things ("you and Bob") does not. */
const NEXT_ACT =
  /\s(?:and then|and)\s(?=[a-z])(?!(?:you|him|her|them|me|us|it|the|a|an|my|your|his|its|our|their|all|both|other|others|everyone|so)\b)/;

export const firstAct = (clause: string): string => clause.split(NEXT_ACT)[0] ?? clause;

export function mainClauseAfter(fromHit: string): string {
  const m = SUBORDINATE.exec(fromHit);
  return m ? fromHit.slice(0, m.index) : fromHit;
}

/**
 * Conditions that do not wait on the reader: silence ("unless I hear otherwise", "if there are no objections")
 * or the sender's own progress ("if it works then I'll open a bug"). The guideline counts these as firm.
 */
const FIRM_CONDITION =
  /\bunless\b|\bif (?:i|we) (?:hear|get|receive) (?:no|nothing)\b|\bif (?:i|we) (?:don't|do not) hear\b|\bif (?:there (?:are|is) no|no one|nobody|noone) (?:\w+ )?(?:objections?|comments?|complaints?|concerns?|objects?)\b|\bif (?:it|this|that|the (?:\w+ )?(?:fix|patch|test|change|build)) (?:works|passes|builds|succeeds|goes through|lands|helps|is (?:merged|accepted|applied))\b|\bif (?:all|everything) goes (?:well|to plan)\b/i;

export const isFirmCondition = (text: string): boolean => FIRM_CONDITION.test(text);
