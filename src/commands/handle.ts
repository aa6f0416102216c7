// The shell around reply commands: is it a reply to a digest we sent, from the owner? Then parse, apply and
// store the changes in the ingest batch's transaction. Anything else is logged and ignored, never answered.
import type { Config } from '../config.js';
import { tokenFromIds, verifyDigestToken } from '../digest/token.js';
import type { DigestReplyHandler } from '../ingest/batch.js';
import type { Logger } from '../log.js';
import {
  addSuppression,
  findDigestByToken,
  getItem,
  getOrCreateSecret,
  markCommandApplied,
  updateItem,
} from '../store/index.js';
import type { TrackedItem } from '../types.js';
import { applyCommands } from './apply.js';
import { isFromOwner } from './owner.js';
import { parseReplyCommands } from './parse-reply.js';

export function digestReplyHandler(config: Pick<Config, 'me' | 'timezone'>, log: Logger): DigestReplyHandler {
  return async (tx, message, now) => {
    const token = tokenFromIds([message.inReplyTo, ...[...message.references].reverse()]);
    const secret = await getOrCreateSecret(tx);
    const digest = token && verifyDigestToken(secret, token) !== null ? await findDigestByToken(tx, token) : null;
    if (!digest) {
      log.info({ message: message.id }, 'a reply to a digest this store never sent: ignored');
      return 0;
    }
    if (!isFromOwner(message.headers.from, message.from, config.me)) {
      log.warn({ message: message.id, from: message.headers.from }, 'a reply to a digest from someone other than you: ignored');
      return 0;
    }
    const commands = parseReplyCommands(message.newText, now, config.timezone);
    const items = new Map<number, TrackedItem>();
    for (const entry of digest.entries) {
      const item = await getItem(tx, entry.itemId);
      if (item) items.set(item.id, item);
    }
    const { changes, results } = applyCommands(commands, digest.entries, items, now);
    let applied = 0;
    for (const change of changes) {
      if (!(await markCommandApplied(tx, digest.id, `${digest.id}:${message.id}:${change.item.id}`, now))) continue;
      await updateItem(tx, change.item.id, change.item, now);
      if (change.suppress) await addSuppression(tx, { rule: change.item.rule, phrase: change.item.text, itemId: change.item.id }, now);
      applied++;
    }
    log.info({ digest: digest.id, results }, `applied ${applied} command(s) from your reply`);
    return applied;
  };
}
