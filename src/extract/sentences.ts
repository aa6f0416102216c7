// Splits the new text of a mail into sentences. Mail is hard-wrapped at ~72 columns, uses bullets, and
// opens with greetings on a line of their own, so lines are first grouped into blocks, then blocks cut into
// sentences at terminal punctuation.

const BULLET = /^\s*(?:[-*•·o]|\d{1,2}[.)]|\(?[a-z]\))\s+/;
/** A short line that ends a block by itself: a greeting, a sign-off or a name. */
const LINE_OF_ITS_OWN =
  /^\s*(?:(?:hi|hello|hey|dear|thanks|thank you|regards|best|cheers)\b[^.!?]{0,30}|[A-Z][a-z]+,?)\s*$/i;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr inc co corp ltd no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e a.m p.m u.s attn ext c.o.b e.o.d'.split(
    ' ',
  ),
);

/** A line that opens a new sentence even without punctuation before it: after a closed parenthesis, or when a
 * short line is followed by a line that starts like a sentence ("Can you…", "Please…", "I…"). */
const SENTENCE_START = /^\s*(?:can|could|would|will|please|thanks|thank|i|we|let|do|does|did|are|is|what|when|how)\b/;
function startsNewSentence(previous: string | undefined, line: string): boolean {
  if (!previous || !/^\s*[A-Z]/.test(line)) return false;
  const prev = previous.trimEnd();
  return /\)$/.test(prev) || (prev.length < 50 && !/[,;:-]$/.test(prev) && SENTENCE_START.test(line.toLowerCase()));
}

function blocksOf(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    if (BULLET.test(line) || startsNewSentence(current.at(-1), line)) flush();
    if (LINE_OF_ITS_OWN.test(line)) {
      flush();
      current.push(line);
      flush();
      continue;
    }
    current.push(line.replace(BULLET, ''));
  }
  flush();
  return blocks.filter(Boolean);
}

/** Titles that are abbreviations only when capitalised: "Gov. Palin", "Sec. 2.03", but "the sales rep." and "a sec." end. */
const TITLES = new Set(['Gov', 'Sen', 'Rep', 'Hon', 'Sec', 'Secs', 'Asst']);

function isAbbreviation(before: string): boolean {
  const written = /([A-Za-z.]+)$/.exec(before)?.[1]?.replace(/\.$/, '') ?? '';
  const word = written.toLowerCase();
  return word.length === 1 || ABBREVIATIONS.has(word) || TITLES.has(written);
}

/** "www.Enron.com", "mail.Example.org", "bob@Enron.com": a dot inside a name, not between sentences. */
/** The words a sentence glued to the one before it opens with: "Thanks.I will", "tomorrow.Can you", "it.Will do".
 * Only these, so "Console.WriteLine" or "Report.Final" stay one word. */
const GLUED_START =
  "(?:I[\\s'’]|(?:Will|Can|Could|Would|Should|Please|Pls|Thanks|Thank|Let|We|The|This|That|It|He|She|They|You|My|Our|Do|Did|Are|Is|What|When|How|Why|Who|Where|Also|And|But|So|Ok|OK|Yes|No|Sure|Got|Call|See|Send|Have|Hope|Just|Any|Not)\\b)";

function looksLikeAnAddress(before: string, after: string): boolean {
  return /(?:^|\s)(?:www|\S*[/@:]\S*)$/i.test(before) || /^[A-Za-z]+\.[a-z]{2,}\b/.test(after);
}

function cut(block: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  // A sentence ends at . ! ? (or a run of them), maybe followed by a closing quote or bracket, then a space; or,
  // typed in haste or scanned, with no space before the next sentence ("Thanks.I will send it"), after a word.
  const end = new RegExp(`[.!?]+["')\\]]*\\s+|(?<=[a-z]{2})[.!?]+(?=${GLUED_START})`, 'g');
  for (let m = end.exec(block); m; m = end.exec(block)) {
    const before = block.slice(start, m.index);
    if (m[0].startsWith('.') && m[0].trim() === '.' && isAbbreviation(before)) continue;
    if (!/\s/.test(m[0]) && looksLikeAnAddress(before, block.slice(m.index + m[0].length))) continue;
    sentences.push(block.slice(start, m.index + m[0].trimEnd().length).trim());
    start = m.index + m[0].length;
  }
  sentences.push(block.slice(start).trim());
  return sentences.filter(Boolean);
}

export function splitSentences(text: string): string[] {
  return blocksOf(text).flatMap(cut);
}
