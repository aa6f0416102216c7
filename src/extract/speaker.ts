// Who is speaking: text that is in the mail's new text but is not the sender talking as themself. An
// out-of-office notice ("I will have no access to e-mail until Monday") or an auto-reply promises nothing and
// asks nothing; a patch posting's commit message ("Add a compatible string …") describes a change in the
// imperative without asking the reader to do it. Pasted blocks in another voice (press statements, talking
// points) are cut from the new text by the parse stage (reply-detectors.ts), where `explain` shows the cut.

export interface Voice {
  /** Why nothing in this mail is the sender's own promise or request, or null. */
  notTheSender: string | null;
  /** A patch posting: its imperatives describe the change, they are not requests. */
  patch: boolean;
  /** Why the mail's "we" is an organisation announcing (a schedule, a closure, a class), not the sender promising, or null. */
  notice: string | null;
}

/** The sender as one person; a mail that never says it and says "we"/"our" this often speaks as an organisation. */
const SINGULAR = /\b(?:i|me|my|mine|myself)\b|\bi['’](?:m|ll|ve|d)\b/i;
const PLURAL = /\b(?:we|our|ours|us|ourselves)\b|\bwe['’](?:ll|re|ve|d)\b/gi;
const NOTICE_WE = 8;

/** An absence notice, read in the first lines only: that is where the notice stands. */
const OUT_OF_OFFICE = [
  /\b(?:i am|i'm|i’m|i will be|i'll be|i’ll be)\s+(?:currently\s+)?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:vacation|leave|holiday|annual leave|maternity leave|paternity leave|sabbatical|business travel))\b[\s\S]{0,200}\b(?:return|returning|back|until|through)\b/i,
  /\b(?:will have|with|have)\s+(?:no|limited|intermittent|little)\s+access to\s+(?:my\s+)?(?:e-?mail|voice-?mail|the internet)\b/i,
  /^\s*(?:auto(?:matic)?[- ]?reply|out of (?:the )?office(?: auto-?reply)?|this is an auto(?:mated|matic) (?:reply|response|message))\b/i,
  // "Thank you for your message. I am currently away and will return on the 18th": the auto-reply's own wording.
  /\b(?:i am|i'm|i’m)\s+currently\s+(?:away|out|travel(?:l)?ing)\b[\s\S]{0,200}\b(?:return|returning|back|until|through)\b/i,
  /^\s*thank you for your (?:e-?mail|message|note)\W+(?:i am|i'm|i’m|i will be|i'll be)\s+(?:currently\s+)?(?:away|out|travel(?:l)?ing|on (?:vacation|leave|holiday))\b/i,
];

const PATCH = /^(?:signed-off-by:|diff --git |index [0-9a-f]{7,}\.\.[0-9a-f]{7,}|@@ -\d+(?:,\d+)? \+\d+)/im;

export function voiceOf(newText: string): Voice {
  const head = newText.slice(0, 600);
  const absent = OUT_OF_OFFICE.some((p) => p.test(head));
  const notice = !SINGULAR.test(newText) && (newText.match(PLURAL)?.length ?? 0) >= NOTICE_WE;
  return {
    notTheSender: absent ? 'an out-of-office notice, not a promise' : null,
    patch: PATCH.test(newText),
    notice: notice
      ? 'a notice in an organisation\'s voice ("we" throughout, never "I"), not the sender\'s own promise'
      : null,
  };
}

/** A line of code or a shell command is neither a question nor a request: "return err ?", "make clean". */
const CODE =
  /[{};]\s*$|^\s*[+#]|->|==|!=|&&|\|\||\$\(|\w\(\)|\b\w+_\w+\(|^\s*(?:struct|return|define|include|static|const|void|int)\b.*[;{(=]/;

/** A question put in words, though it names a function: "Is it possible for talloc_realloc() to race?" */
const PROSE_QUESTION =
  /^(?:is|are|was|were|can|could|would|will|should|do|does|did|has|have|what|why|how|when|where|which|who)\s[^?]*\s\w+[^?]*\?\s*$/i;

export const looksLikeCode = (sentence: string): boolean => CODE.test(sentence) && !PROSE_QUESTION.test(sentence);

/** A field of a printed mail or an archived record ("Follow Up Flag: Follow up", "Record Type: Record", "Importance:
 * High"): the mail program wrote it, not the sender. */
const FIELD =
  /^(?:follow[- ]?up flag|flag status|record type|importance|sensitivity|categories|tracking|due by|start date|attachments?|bcc|cc|sent|read|creation date\/time|creator)\s*:/i;

export const looksLikeField = (sentence: string): boolean => FIELD.test(sentence);
