// Mail that was printed and scanned reaches the corpora of public records as OCR text: "I'11 call him", "I wiII
// send it", "1 will", "Pis print". The digits and capitals that stand in for "l" and "I" hide the promise from every
// rule. These repairs keep each sentence's length, so every offset the rules report stays that of the text as
// written, and the sentence is shown as written.
/** "ll" as OCR reads it: ones and capital i's for the two l's. */
const DOUBLE_L = '(?:11|II|1l|l1|Il|lI|1I|I1)';
/** Verbs that follow the pronoun I: what tells "1 will" (I will) from a number. */
const AFTER_I =
  '(?=\\s(?:will|would|shall|am|have|had|can|could|think|thought|need|want|hope|believe|guess|just|also|know|agree|spoke|talked|called|sent)\\b)';
const SENTENCE_START = '^|[.!?;:]\\s+';

const REPAIRS: [RegExp, string][] = [
  // "I'11", "we'II", "you'1l": the contraction 'll.
  [new RegExp(`\\b([A-Za-z]+)(['’])${DOUBLE_L}\\b`, 'g'), '$1$2ll'],
  // "I`ll": a backtick for the apostrophe; "We' ll", "I 'll": the contraction split off by a space (moved behind it).
  [/(?<=[A-Za-z])`(?=[a-z])/g, "'"],
  [
    /\b(I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho)(?: (['’])|(['’]) )(ll|m|re|ve|d)(?= )/g,
    '$1$2$3$4 ',
  ],
  // "l'll", "l'm": a lower-case l for the pronoun before a contraction.
  [/\bl(?=['’](?:ll|m|ve|d)\b)/g, 'I'],
  // "wiII", "wi11", "wiil", "wlll": will.
  [new RegExp(`\\b([Ww])(?:i${DOUBLE_L}|iil|lll|lil|l1l)\\b`, 'g'), '$1ill'],
  // "Thanks,I will": a comma glued to the next sentence's pronoun; a space in its place lets the pronoun be read.
  [new RegExp(`(?<=[A-Za-z]{2}),(?=(?:I|We|we)(?:['’]|${AFTER_I}))`, 'g'), ' '],
  // "1 will", "| will" or "1'll" where a sentence starts, "l think" where a sentence or a clause starts: the pronoun I
  // ("Items 3 and 1 will ship" and "version 2.1 will" keep their digit).
  [new RegExp(`(?<=${SENTENCE_START})[1|](?:(?=['’](?:ll|m|ve|d)\\b)|${AFTER_I})`, 'g'), 'I'],
  [new RegExp(`(?<=${SENTENCE_START}|\\b(?:and|but|so|then|that|because|if|when|as)\\s)l${AFTER_I}`, 'g'), 'I'],
  // "Pis print", "PIs advise", "P1s call": Pls; "Pleasc", "Plcase", "PIease": Please.
  [/\b([Pp])[i1I]s(?=\s+[A-Za-z])/g, '$1ls'],
  [/\b([Pp])(?:leasc|lcase|[I1]ease)\b/g, '$1lease'],
];

/** The sentence as it was meant to be typed, of the same length. */
export function repairScanned(sentence: string): string {
  let text = sentence;
  for (const [pattern, replacement] of REPAIRS) text = text.replace(pattern, replacement);
  return text;
}
