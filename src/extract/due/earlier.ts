// "The call is on Friday. I will send the agenda before then.": a promise whose time points back names its day in
// the sentence before it. Only a word that plainly points back counts ("then" closing the clause, "by then", "that
// day", "at this meeting"), never the "then" of a sequence ("and then I will send it").
const POINTS_BACK = new RegExp(
  [
    String.raw`\b(?:by|until|till|before|after|from|around|since) then\b`,
    String.raw`\bthen\s*[.!]*\s*$`,
    String.raw`\b(?:on |by |for )?that (?:day|date|morning|afternoon|evening|night|week|weekend)\b`,
    String.raw`\b(?:at|during|in|before|after|for|by) (?:this|that|the) (?:[\w-]+ ){0,2}(?:meeting|call|session|luncheon|lunch|dinner|event|conference|visit|trip|presentation|deadline)\b`,
  ].join('|'),
  'i',
);

export const pointsBack = (sentence: string): boolean => POINTS_BACK.test(sentence);
