// `draft N`: the follow-ups composed from the store, appended to the user's Drafts folder over IMAP (flagged
// \Draft) for them to edit and send from their own client. Nothing here sends mail: there is no SMTP in this file.
import { randomBytes } from 'node:crypto';
import { openUserImap, type StoreApp } from '../app.js';
import { composeDraftRaw } from '../digest/send.js';
import { errorMessage } from '../errors.js';
import type { ImapSession } from '../source/imap.js';
import { findDraftsFolder } from '../source/folders.js';
import { getItem, listThreadMessages } from '../store/index.js';
import { composeDraft } from './compose.js';

const angle = (id: string) => `<${id}>`;

/** Files one draft per item id into Drafts; one line per item says what happened. Opens its own session unless given one. */
export async function fileDrafts(
  app: StoreApp,
  itemIds: readonly number[],
  now: Date,
  given?: ImapSession,
): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const session = given ?? (await openUserImap(app));
  try {
    const folder = findDraftsFolder(await session.listFolders(), app.config.imap.draftsFolder);
    const domain = (app.config.me[0] ?? '').split('@')[1] || 'followthru.local';
    const lines: string[] = [];
    for (const id of itemIds) {
      const item = await getItem(app.store, id);
      if (!item) {
        lines.push(`draft #${id}: no such item in the store any more`);
        continue;
      }
      const draft = composeDraft(item, await listThreadMessages(app.store, item.threadId), {
        me: app.config.me,
        timeZone: app.config.timezone,
      });
      if (draft.to.length === 0) {
        lines.push(`draft #${id}: nobody to write to (the item names only you)`);
        continue;
      }
      const bytes = await composeDraftRaw({
        ...draft,
        messageId: angle(`${randomBytes(12).toString('hex')}@${domain}`),
        inReplyTo: draft.inReplyTo ? angle(draft.inReplyTo) : undefined,
        references: draft.references.map(angle),
        date: now,
      });
      await session.append(folder, bytes, ['\\Draft', '\\Seen']);
      lines.push(`draft #${id}: "${draft.subject}" to ${draft.to.join(', ')} is in ${folder}`);
    }
    return lines;
  } catch (error) {
    app.log.warn({ reason: errorMessage(error) }, 'could not file the follow-up drafts');
    throw error;
  } finally {
    if (!given) await session.close();
  }
}
