// The vocabulary reply-text.ts recognises: attribution verbs, header names, separators and mobile footers, in
// the languages mail clients write them in. Pure data; the detectors that use them live in reply-detectors.ts.

/** "wrote" as mail clients translate it at the end of an attribution line. */
const WROTE = [
  'wrote',
  'writes',
  'has written',
  'schrieb',
  'geschrieben',
  'a écrit',
  'a ecrit',
  'escribió',
  'escribio',
  'ha escrito',
  'ha escrit',
  'ha scritto',
  'schreef',
  'heeft geschreven',
  'escreveu',
  'skrev',
  'skriver',
  'kirjoitti',
  'napisał\\(a\\)',
  'napisała',
  'napisał',
  'napisal',
  'pisze',
  'napsal',
  'написал\\(а\\)',
  'написала',
  'написал',
  'написав',
  'írta',
  'yazdı',
  'έγραψε',
  '写道',
  '寫道',
  '작성',
  'のメッセージ',
].join('|');

/** "... Ann <a@x> wrote:" — the colon (any width) and trailing dashes (Zoho: "---- On ... wrote ----") optional. */
export const ATTRIBUTION_END = new RegExp(`(?:${WROTE})\\s*[:：]?\\s*-*\\s*$`, 'iu');
export const ATTRIBUTION_END_COLON = new RegExp(`(?:${WROTE})\\s*[:：]\\s*-*\\s*$`, 'iu');
/** "Am 25.06.2015 um 10:55 schrieb Test user:" — the verb before the name. */
export const OPENER_VERB_COLON = new RegExp(
  `^\\s*-*\\s*(?:on|am|le|el|il|in data|op|em|den|w dniu|dnia)\\s.*(?:${WROTE}).*[:：]\\s*$`,
  'iu',
);
/** Gmail's verb-less form: "2014-03-20 8:48 GMT+01:00 Rémi <r@x.example>:", "ср, 30 апр. 2025 г. в 15:19, J <j@x>:". */
export const ADDRESS_THEN_COLON = /(?:[>\])]|\S@\S+)\s*[:：]\s*$/u;
export const TIME_OF_DAY = /\d{1,2}[:.h]\d{2}/;
export const HAS_ADDRESS = /\S@\S/;

/** Header names of a quoted mail's header block, in the languages Outlook, Gmail and others write them. */
const FROM_NAMES = 'from|de|von|van|da|fra|från|od|от|від|发件人|寄件者|差出人|message du';
const OTHER_NAMES = [
  'sent',
  'date',
  'datum',
  'dato',
  'data',
  'fecha',
  'envoyé(?: le)?',
  'gesendet',
  'verzonden',
  'inviato',
  'enviado',
  'enviada',
  'skickat',
  'sendt',
  'wysłano',
  'отправлено',
  '发送时间',
  '日期',
  'to',
  'à',
  'a',
  'an',
  'aan',
  'para',
  'til',
  'till',
  'do',
  'кому',
  '收件人',
  'cc',
  'copie à',
  'kopie',
  'subject',
  'objet',
  'sujet',
  'betreff',
  'onderwerp',
  'oggetto',
  'asunto',
  'assunto',
  'emne',
  'ämne',
  'temat',
  'тема',
  '主题',
  'reply-to',
  'bcc',
].join('|');
/** "From: Ann", "*From:* Ann", "   De : Ann", "Envoyé le :jeudi". */
export const HEADER_FROM = new RegExp(`^\\s*\\*?(?:${FROM_NAMES})\\s?\\*?\\s*[:：]\\*?(?:\\s|\\S)`, 'iu');
export const HEADER_ANY = new RegExp(`^\\s*\\*?(?:${FROM_NAMES}|${OTHER_NAMES})\\s?\\*?\\s*[:：]`, 'iu');

/** "-----Original Message-----", "-------- Oprindelig besked --------", "---------- Forwarded message ---------". */
export const ORIGINAL_MESSAGE =
  /^\s*[-=_—–]{2,}\s*(?:original message|original|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht|oprindelig besked|opprinnelig melding|originalmeddelande|alkuperäinen viesti|mensagem original|wiadomość oryginalna|исходное сообщение)\s*[-=_—–]{2,}/iu;
export const FORWARDED =
  /-{3,}\s*forwarded by\b|^\s*-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|videresendt meddelelse|vidarebefordrat meddelande|пересылаемое сообщение)\s*-{2,}|^\s*(?:begin forwarded message|début du message réexpédié|anfang der weitergeleiteten nachricht)\s*:/iu;

/** Lotus Notes: "Name <addr> on 05/10/2001 01:26:33 PM", "Carrie Southard @ ECT   02/07/2000 02:38 PM". */
export const LOTUS_STAMP = /\b\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\b/i;
export const BARE_STAMP = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$/i;
/** Lotus addresses carry no dot in the domain: "Jeff Dasovich/NA/Enron@ENRON", "Mark Taylor@ECT". */
export const LOTUS_ADDRESS = /^\s*[A-Z][\w .'"-]{0,60}(?:\/[\w-]+)*\s?@\s?[A-Za-z_-]+\s*$/;
export const TO_OR_CC = /^\s*(?:to|cc)\s*:/i;
/** A quoted mail's headers run together on one line, as OCR and some clients print them: "From: Palin; Sarah (GOV)
 * Sent: Tuesday, March 11, 2008 8:15 AM To: Frye; Ivy J (GOV) Subject: Kenai visit". */
export const HEADER_LINE = /^\s*from:\s*\S.{0,120}?\s(?:sent|date):\s*\S.{0,80}?\s(?:to|subject):/i;
/** Outlook's quote header names the sender's address as "[mailto:...]": "From: Palin; Sarah [mailto:gov@x.invalid]". */
export const FROM_MAILTO = /^\s*from:\s*\S.{0,100}\[mailto:[^\]\s]+\]\s*$/i;
/** Novell GroupWise's quote header: ">>> Bruce Reed 01/14/98 02:02PM >>>", the sender and a stamp between chevrons. */
export const GROUPWISE_STAMP =
  /^\s*>>>\s*\S.{0,80}?\s\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*>>>\s*$/i;

/** "Sent from my iPhone", "Get Outlook for iOS<https://...>", "Von meinem iPhone gesendet": short, nothing after. */
export const MOBILE_FOOTER = new RegExp(
  [
    '^\\s*(?:sent (?:from|with|via) (?:my |a |an )?\\S+(?: \\S+){0,4}',
    'get outlook for \\S+',
    '(?:envoyé|envoye) (?:de|depuis|à partir de) (?:mon )?\\S+(?: \\S+){0,3}',
    'gesendet (?:von|mit) (?:meinem )?\\S+(?: \\S+){0,3}',
    'von meinem \\S+(?: \\S+){0,2} gesendet',
    'enviado (?:desde|de|do) (?:mi |meu )?\\S+(?: \\S+){0,3}',
    'inviato da (?:il mio )?\\S+(?: \\S+){0,3}',
    'verstuurd (?:vanaf|met) (?:mijn )?\\S+(?: \\S+){0,3}',
    '(?:skickat från|sendt fra) (?:min )?\\S+(?: \\S+){0,3})\\s*$',
  ].join('|'),
  'iu',
);

/** A line that only separates: "-- ", "—", "_____", "=====", "* * *". */
export const SEPARATOR_ONLY = /^\s*(?:[-_=*~—–]\s*){2,}$|^\s*[—–]\s*$/;
/** A line of underscores: Outlook's rule above a quoted header, or a mailing list's above its footer. */
export const UNDERSCORE_RULE = /^\s*_{5,}\s*$/;
export const SIGNATURE_DASHES = /^\s*(?:--|—|–|__)\s*$/;
export const MAILING_LIST = /mailing list|listinfo|unsubscribe|groups\.google|googlegroups/i;

export const DISCLAIMER_START =
  /^\s*(?:\*{10,}|={10,}|confidentiality notice|this (?:e-?mail|message|communication)(?: and any (?:files|attachments?))?(?: transmitted with it)? (?:is|are|contains?|may contain)|the information (?:contained )?in this (?:e-?mail|message)|le informazioni contenute|ce message et toutes les pièces|diese e-mail enthält)/iu;
export const DISCLAIMER_WORDS =
  /confidential|intended (?:solely |only )?for|property of|privileged|riservat|destinatari|vertraulich/i;

/** A pasted text in another voice: a press statement, talking points, a draft for someone else to deliver. */
/** An insert labelled as one, in capitals as drafts mark it: "INSERT: The President will announce ...". */
export const LABELLED_INSERT = /^\s*(?:INSERT|EXCERPT)\s*:\s+\S/u;
export const PASTED_VOICE =
  /^\s*(?:for immediate release|(?:press|news) release|statement (?:of|by|from) [A-Z]|talking points|(?:draft|proposed|suggested|revised) (?:statement|talking points|remarks|response|language|insert|letter|text|q ?& ?a|answer|release|op-?ed|testimony)|q ?& ?a\b|remarks (?:of|by) |begin(?:ning)? (?:of )?(?:text|statement|insert)|memorandum(?: for| to|\s*$)|office of the press secretary|the white house\s*$|[*\s-]*draft[*\s-]*$)/iu;

/** A cover line that presents, behind a colon, a text to be said or signed by others: "Here's another draft:",
 * "Bruce -- proposed language for the signing:", "Text follows:". It must present (here is, attached is, the following)
 * or qualify (proposed, draft, revised) the text, or say whose it is ("the paragraph they want is:", not "the paragraph I drafted is:"): "Timeline for the release:" or "Please text me at:" introduce the
 * sender's own lines. */
const PASTED_TEXT =
  '(?:statement|talking points|remarks|q ?& ?a|language|insert|letter|testimony|op-?ed|press release|speech|draft|passage|paragraph|wording|proclamation|text)';
const PRESENTED = "(?:here(?:'s| is| are)|below is|attached (?:is|are)|the following)";
const QUALIFIED = '(?:proposed|suggested|draft|revised|latest|final|new|following|rough)';
export const PASTE_COVER = new RegExp(
  `^\\s*(?:[A-Z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*)?\\s*(?:--|,|:|-)\\s*)?(?:${PRESENTED}\\s+(?:(?:the|my|a|an|our|another|some)\\s+)?(?:${QUALIFIED}\\s+)?|(?:(?:the|my|a|an|our|another|some)\\s+)?${QUALIFIED}\\s+)${PASTED_TEXT}\\b[^.?!]{0,60}:\\s*$|\\b(?:text|it) (?:follows|is below)\\s*:?\\s*$|\\bthe ${PASTED_TEXT} (?:that )?(?:they|he|she|we|you)(?:'re| are| is)? (?:want|wants|wanted|propose|proposes|proposed|proposing|suggest|suggests|suggested|sent|drafted|use|used|like|liked)\\b[^.?!:]{0,30}:\\s*$`,
  'iu',
);
/** What a cover line names that is the sender's own, still to come: "my answers to your questions:", "my edits:". */
export const OWN_COVER =
  /\b(?:answers?|inline|comments?|thoughts|notes|edits|questions|changes|suggestions|concerns|reactions?|views)\b/iu;
/** A prepared Q&A: "Q: Will the President veto it?" with its "A:" below, more than once (one "Q:"/"A:" pair may be
 * the sender answering inline). */
export const QA_QUESTION = /^\s*(?:Q|Question)\s*\d*\s*:\s+\S/u;
export const QA_ANSWER = /^\s*(?:A|Answer)\s*\d*\s*:\s+\S/u;

/** "Dear Senator Smith:": a formal salutation with a colon opens a letter drafted for someone else to sign, when the
 * sender's own note stands above it. */
export const PASTED_LETTER =
  /^\s*Dear (?:Mr|Mrs|Ms|Miss|Dr|Senator|Governor|Congressman|Congresswoman|Representative|President|Secretary|Judge|Mayor|Commissioner|Chairman|Sir|Madam|[A-Z])[^,:]{0,60}:\s*$/u;
