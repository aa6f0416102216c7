// Is this reply really from the owner? Only then are its commands obeyed. Pure.
import type { Address } from '../types.js';

/**
 * Exactly one well-formed address, and it is one of the user's own: not two addresses, not a display name
 * that holds another address (`"dana@x" <evil@y>`), not an encoded word that decodes to one. The digest token
 * in In-Reply-To/References is checked separately: a stranger has never seen it.
 */
export function isFromOwner(rawFrom: string | undefined, from: readonly Address[], me: readonly string[]): boolean {
  const only = from[0];
  if (from.length !== 1 || !only || !rawFrom) return false;
  if ((rawFrom.match(/@/g) ?? []).length !== 1) return false;
  if (only.name.includes('@') || (/=\?[^?]+\?[bq]\?/i.test(rawFrom) && only.name.includes('<'))) return false;
  if (!/^[^\s@<>"(),;:]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(only.address)) return false;
  return me.some((mine) => mine.toLowerCase() === only.address.toLowerCase());
}
