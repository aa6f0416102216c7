// Word handling for matching a promise against a later mail: tokens, light stemming, and the words that
// carry no content ("the", "you", "file", "info") and so may never count as a match on their own.

const STOP_WORDS = new Set(
  (
    'a an the this that these those it its them they you your yours me my our us we i he she him her his ' +
    'to for of on in at by with from over across along out up back into about and or some any all ' +
    'today tomorrow tonight asap soon later shortly monday tuesday wednesday thursday friday saturday sunday ' +
    'week month morning afternoon evening eod cob next new latest final'
  ).split(' '),
);
/** Words too generic to tell one attachment from another. */
const GENERIC_WORDS = new Set(
  (
    'file files document documents doc docs info information details detail copy copies stuff thing things ' +
    'attachment attachments email mail link links version pdf docx xlsx pptx scan scans'
  ).split(' '),
);

/** Light stemming: enough for "brochures" = "brochure", "revised" = "revise", "pricing" = "price". */
export function stem(word: string): string {
  const w = word.toLowerCase();
  for (const suffix of ['ing', 'ed', 'es', 's', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3 && !w.endsWith('ss')) return w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * Lower-case tokens: a word glued to a number split apart ("Brochure2026"), short codes kept whole ("Q3",
 * "v2"), camelCase split ("RevisedContract").
 */
export function tokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z]{3,})(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z]{3,})/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** The words of a phrase that name something: no stop or generic words, no bare numbers or letters; stemmed. */
export function contentWords(text: string): string[] {
  const words = tokens(text).filter(
    (w) => w.length > 1 && !STOP_WORDS.has(w) && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w),
  );
  return [...new Set(words.map(stem))];
}

/** A filename's words, extension dropped ("contract_v2_revised.docx" → contract, v2, revised). */
export function filenameWords(filename: string): string[] {
  return [...new Set(tokens(filename.replace(/\.[a-z0-9]{1,5}$/i, '')))];
}

/** Words of a mail's text counted as a reader would, for "is this more than 'thanks'?". */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
