// HTML to plain text, for when mailparser's own conversion is missing or was refused (too long, too deeply
// nested): block elements become line breaks, <blockquote> content becomes "> " lines so reply-text strips it,
// script/style/head go, entities are decoded. One pass with indexOf, no backtracking regex over the whole
// document, so hostile HTML (unclosed comments, thousands of unclosed tags) stays linear.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK = new Set(['p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'pre', 'hr']);
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template']);
/** Elements that never close: hiding one hides nothing after it. */
const VOID = new Set([
  'br',
  'img',
  'input',
  'hr',
  'meta',
  'link',
  'wbr',
  'col',
  'area',
  'base',
  'source',
  'track',
  'embed',
  'param',
]);
/** Styling no reader sees through: display:none, visibility:hidden, zero size or opacity, Outlook's mso-hide. */
const INVISIBLE_STYLE =
  /(?:^|[;"'\s])(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|(?:font-size|opacity|max-height|line-height)\s*:\s*0(?![.\d]*[1-9])|color\s*:\s*transparent)/i;
const HIDDEN_ATTRIBUTE = /\shidden(?:\s|=|\/?$)/i;

/** A tag (its whole text, "<div style=…>") whose content a person does not see. */
export function hidesContent(tag: string): boolean {
  const style = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(tag)?.[1] ?? '';
  return INVISIBLE_STYLE.test(style) || HIDDEN_ATTRIBUTE.test(tag.slice(0, -1));
}

/** Whether the HTML hides anything from its reader (then only htmlToText, which leaves it out, may read it). */
export function hasInvisibleContent(html: string): boolean {
  return /<[a-z][^>]*(?:\shidden\b|style\s*=[^>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide|font-size\s*:\s*0|opacity\s*:\s*0|max-height\s*:\s*0|line-height\s*:\s*0|transparent))/i.test(
    html,
  );
}
/** Deeper quoting is still quoting; without a cap, nested <blockquote>s would grow the text quadratically. */
const MAX_QUOTE_DEPTH = 8;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = hex ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

class TextOut {
  private readonly lines: string[] = [];
  private line = '';
  quoteDepth = 0;

  add(text: string): void {
    this.line += text;
  }

  /** Ends the current line (a no-op on an empty one, so nested blocks do not pile up blank lines). */
  breakLine(force = false): void {
    if (this.line.trim() === '' && !force) return;
    this.lines.push(`${'> '.repeat(Math.min(this.quoteDepth, MAX_QUOTE_DEPTH))}${this.line.trim()}`.trimEnd());
    this.line = '';
  }

  toString(): string {
    this.breakLine();
    return this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}

export function htmlToText(html: string): string {
  const out = new TextOut();
  let hidden: string | null = null;
  /** An element hidden by its style or the hidden attribute, and how deep inside same-named tags we are. */
  let invisible: { name: string; depth: number } | null = null;
  let pre = 0;
  let i = 0;
  const text = (chunk: string) => {
    if (hidden !== null || invisible !== null || chunk === '') return;
    const decoded = decodeEntities(chunk);
    if (pre > 0) {
      const parts = decoded.split('\n');
      for (let n = 0; n < parts.length; n++) {
        if (n > 0) out.breakLine(true);
        out.add(parts[n] ?? '');
      }
    } else {
      out.add(decoded.replace(/\s+/g, ' '));
    }
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const match = /^(\/?)([a-z][a-z0-9]*)/i.exec(html.slice(lt + 1, lt + 40));
    if (!match) {
      text('<'); // "a < b" in text, not a tag
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) break; // an unterminated tag: nothing readable follows
    i = gt + 1;
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    if (hidden !== null) {
      if (closing && name === hidden) hidden = null;
      continue;
    }
    const selfClosing = VOID.has(name) || html[gt - 1] === '/';
    if (invisible !== null) {
      if (name === invisible.name && !selfClosing) invisible.depth += closing ? -1 : 1;
      if (invisible.depth === 0) invisible = null;
      continue;
    }
    if (!closing && !selfClosing && hidesContent(html.slice(lt, gt + 1))) {
      invisible = { name, depth: 1 };
      continue;
    }
    if (HIDDEN.has(name) && !closing && html[gt - 1] !== '/') hidden = name;
    else if (name === 'br') out.breakLine(true);
    else if (name === 'blockquote') {
      out.breakLine();
      out.quoteDepth = Math.max(0, out.quoteDepth + (closing ? -1 : 1));
    } else if (BLOCK.has(name)) {
      out.breakLine();
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      if (name === 'li' && !closing) out.add('• ');
      if (name === 'p' && closing) out.breakLine(true);
    }
  }
  return out.toString();
}
