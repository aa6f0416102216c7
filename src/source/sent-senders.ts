// The From addresses of the latest mail in Sent, for the identity check (track/identity.ts).
import type { ImapSession } from './imap.js';

/** Up to `sample` of the newest mails in `sentFolder`: their first From address each. */
export async function sentSenders(session: ImapSession, sentFolder: string, sample = 200): Promise<string[]> {
  // Every UID (cheap: no bodies), so old mail with an old INTERNALDATE counts too.
  const pending = await session.listPending(sentFolder, { afterUid: 0 });
  const uids = pending.slice(-sample).map((p) => p.uid);
  return session.fromAddresses(sentFolder, uids);
}
