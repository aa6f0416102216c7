// Is this reply really from the owner? Only then are its commands obeyed. Pure.
import type { Address } from '../types.js';

const WELL_FORMED = /^[^\s@<>"(),;:]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const ENCODED_WORD = /=\?([^?]+)\?([bq])\?([^?]*)\?=/gi;

/**
 * RFC 2047 encoded words decoded to text (bytes read as latin1 are enough to see an '@', '<' or '>'), so the
 * check below does not depend on whether, or how, the parser decoded the display name.
 */
export function decodeEncodedWords(raw: string): string {
  return raw.replace(ENCODED_WORD, (_word, _charset: string, encoding: string, text: string) => {
    const bytes =
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          );
    return bytes.toString('latin1');
  });
}

const nameEqualsAddress = (name: string, address: string): boolean =>
  name
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()
    .toLowerCase() === address;

/** The display name of a decoded `name <address>` header: everything before the last '<'. */
function displayNameOf(decoded: string): string {
  const lt = decoded.lastIndexOf('<');
  return lt < 0 ? '' : decoded.slice(0, lt);
}

/**
 * Exactly one well-formed address, and it is one of the user's own: not two addresses, not a display name
 * that holds another address (`"dana@x" <evil@y>`), not an encoded word that decodes to one, and the raw
 * header must name the same address the parser returned. The digest token in In-Reply-To/References is
 * checked separately: a stranger has never seen it.
 */
export function isFromOwner(rawFrom: string | undefined, from: readonly Address[], me: readonly string[]): boolean {
  const only = from[0];
  if (from.length !== 1 || !only || !rawFrom) return false;
  const decoded = decodeEncodedWords(rawFrom);
  const address = only.address.toLowerCase();
  // Many clients write the address as its own display name ("bob@x" <bob@x>): that name hides nothing, so it
  // is set aside, and the rule below still refuses any other '@'.
  // (mailparser reports such a name as empty; the raw header is what is checked.)
  const nameIsAddress =
    (only.name === '' || nameEqualsAddress(only.name, address)) && nameEqualsAddress(displayNameOf(decoded), address);
  const ats = nameIsAddress ? 2 : 1;
  // One '@' in the header as sent and as decoded: a second one is a second address, whatever it is dressed as.
  if ((rawFrom.match(/@/g) ?? []).length > ats || (decoded.match(/@/g) ?? []).length !== ats) return false;
  if (!nameIsAddress && (only.name.includes('@') || only.name.includes('<') || only.name.includes('>'))) return false;
  if (!WELL_FORMED.test(only.address)) return false;
  if (!rawFrom.toLowerCase().includes(address)) return false;
  return me.some((mine) => mine.toLowerCase() === address);
}
