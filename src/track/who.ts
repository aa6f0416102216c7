// Who is the user, and who is everyone else on a mail. `me` is the user's own addresses and aliases.
import type { Address, Message } from '../types.js';

/** Lower-cased, trimmed, angle brackets gone, and any "+tag" in the local part removed. */
export function canonicalAddress(address: string): string {
  const plain = address.trim().toLowerCase().replace(/^<|>$/g, '');
  const at = plain.lastIndexOf('@');
  if (at < 0) return plain;
  const local = plain.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${plain.slice(at)}`;
}

/** Case-insensitive, and plus-addressing aware: `me+receipts@x.com` is `me@x.com`. */
export function sameAddress(a: Address | string, b: Address | string): boolean {
  const left = typeof a === 'string' ? a : a.address;
  const right = typeof b === 'string' ? b : b.address;
  return left !== '' && canonicalAddress(left) === canonicalAddress(right);
}

export function isMe(address: Address | string, me: readonly string[]): boolean {
  return me.some((mine) => sameAddress(address, mine));
}

export function includesAddress(list: readonly Address[], address: Address | string): boolean {
  return list.some((entry) => sameAddress(entry, address));
}

/** The mail came from one of the user's addresses. */
export function isFromMe(message: Message, me: readonly string[]): boolean {
  return message.from.some((sender) => isMe(sender, me));
}

/** To, Cc and Bcc, in that order. */
export function recipients(message: Message): Address[] {
  return [...message.to, ...message.cc, ...message.bcc];
}

/** Addresses without duplicates (by canonical address), first occurrence kept. */
export function uniqueAddresses(list: readonly Address[]): Address[] {
  const seen = new Set<string>();
  return list.filter((entry) => {
    const key = canonicalAddress(entry.address);
    if (entry.address === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
