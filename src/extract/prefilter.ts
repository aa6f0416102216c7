// A cheap regular expression that marks the sentences worth handing to the promise rules. It must let through every
// sentence a rule could match (the rule examples test that), and little else: most mail sentences promise nothing.

const MAY_PROMISE =
  /\b(?:i|we)\s*(?:['’]ll|will|shall|can)\b|\b(?:i|we)(?:['’]m| am| are|['’]re) going to\b|\blet me\b|^\W*(?:\w+\W+)?will\b|^\W*(?:got it|thank you|roger that|good point|sounds good|makes sense|fair enough|no problem|of course)\W+will\b|\bi\s?ll?\b|\bi wi?ll?\b|\b(?:plan|intend|intent|aim|planning|intending|aiming) (?:to|on)\b|\b(?:i|we) (?:need|have|got) to\b|\bon it\b|\bconsider it done\b|\b(?:and|but|then) will\b|\blet(?:['’]s|s| us)\b|\bto follow\W*$/i;

export const mayPromise = (sentence: string): boolean => MAY_PROMISE.test(sentence);
