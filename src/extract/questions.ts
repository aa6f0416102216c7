// Whether a sentence that ends in a question mark asks the reader anything. Not when the question is social or
// rhetorical ("Who knows?"), when it is someone else's question reported in quotation marks ('she wonders, "For
// what do we live?"'), or when it stands in a forwarded header block the parse stage could not cut ("… To: Cheryl
// cc: Subject: Re: … you mean the Monday meeting?").

/** The sentence ends in a question mark, perhaps inside closing quotes or a bracket. */
const ENDS_IN_QUESTION = /\?\s*["'”’)]*$/;

/** The question closes a quotation that opened after the sentence began: a reported question. */
const REPORTED = /\S[^"“”]*["“][^"“”]*\?\s*["”]\s*[)]*$/;

/** "From: … Sent: … To: … Subject:", the headers of a forwarded or quoted mail, inside one sentence. */
const FORWARDED_HEADERS = /\b(?:from|sent|to|cc):\s[\s\S]*\bsubject:/i;

export function questionReason(bare: string, rhetorical: readonly RegExp[]): string | null {
  if (!ENDS_IN_QUESTION.test(bare)) return null;
  const text = bare.trim();
  if (rhetorical.some((p) => p.test(text))) return null;
  if (REPORTED.test(text) || FORWARDED_HEADERS.test(text)) return null;
  return 'a question';
}
