// What the receiving server said about a reply's origin (RFC 8601 Authentication-Results). Only the header of
// the user's own provider counts: the topmost with the configured authserv-id, or the topmost when none is
// configured (servers prepend, so anything below it was written by whoever sent the mail). Pure.

/** "dmarc=fail (p=reject) header.from=x.example" → its method, result and properties. */
interface Result {
  method: string;
  result: string;
  props: Map<string, string>;
}

/** Comments may nest and may hold ";": drop them, innermost first. */
function withoutComments(value: string): string {
  let text = value;
  for (let i = 0; i < 10 && /\([^()]*\)/.test(text); i++) text = text.replace(/\([^()]*\)/g, ' ');
  return text;
}

function parse(header: string): { authservId: string; results: Result[] } {
  const [id = '', ...parts] = withoutComments(header).split(';');
  const results = parts.flatMap((part): Result[] => {
    const [head, ...props] = part.trim().split(/\s+/);
    const match = /^([a-z0-9-]+)(?:\/\d+)?=([a-z]+)$/i.exec(head ?? '');
    if (!match?.[1] || !match[2]) return [];
    const map = new Map<string, string>();
    for (const prop of props) {
      const eq = prop.indexOf('=');
      if (eq > 0)
        map.set(
          prop.slice(0, eq).toLowerCase(),
          prop
            .slice(eq + 1)
            .replace(/^"|"$/g, '')
            .toLowerCase(),
        );
    }
    return [{ method: match[1].toLowerCase(), result: match[2].toLowerCase(), props: map }];
  });
  return { authservId: id.trim().split(/\s+/)[0]?.toLowerCase() ?? '', results };
}

const domainOf = (value: string | undefined): string | undefined => value?.slice(value.lastIndexOf('@') + 1);

/**
 * Why the provider's verdict refuses this mail ("dmarc=fail", "spf=fail"), or null. A result that names
 * another domain (a forwarder's bounce address) is not about the owner; one that names none is.
 * `headers` is Message.headers['authentication-results']: every header, topmost first, one per line.
 */
export function authenticationFailure(
  headers: string | undefined,
  authservId: string | null,
  ownerDomain: string,
): string | null {
  if (!headers) return null;
  const all = headers.split('\n').map(parse);
  const ours = authservId ? all.find((h) => h.authservId === authservId.toLowerCase()) : all[0];
  if (!ours) return null;
  const owner = ownerDomain.toLowerCase();
  const about = (domain: string | undefined) => domain === undefined || domain === owner;
  for (const r of ours.results) {
    if (r.method === 'dmarc' && r.result === 'fail' && about(domainOf(r.props.get('header.from')))) return 'dmarc=fail';
    if (
      r.method === 'spf' &&
      r.result === 'fail' &&
      about(domainOf(r.props.get('smtp.mailfrom') ?? r.props.get('smtp.helo')))
    )
      return 'spf=fail';
  }
  return null;
}
