// Cheap regular expressions that mark the sentences worth handing to compromise. They must let through every
// sentence a rule could match (the rule examples test that), and little else: most mail sentences promise nothing.

const MAY_PROMISE =
  /\b(?:i|we)\s*(?:['’]ll|will|shall|can)\b|\b(?:i|we)(?:['’]m| am| are|['’]re) going to\b|\blet me\b|^\W*(?:\w+\W+)?will\b|\b(?:i|we) (?:need|have|got) to\b|\bon it\b|\bconsider it done\b|\band will\b|\blet(?:['’]s|s| us)\b/i;

const MAY_REQUEST =
  /\b(?:please|pls|plz|let (?:me|us) know|get back to me|keep me|advise|call me|give me|send me|e-?mail me|tell me|drop me|(?:can|could|would|will) (?:you|u|y'all)|(?:need|want|like|appreciate)\b.*\byou|thoughts|comments|feedback|input|suggestions|opinion|views)\b/i;

export const mayPromise = (sentence: string): boolean => MAY_PROMISE.test(sentence);
export const mayRequest = (sentence: string): boolean => MAY_REQUEST.test(sentence);
