// The shell around reply commands: is it a reply to a digest we sent, from the owner? Then parse, apply and
// store the changes in the ingest batch's transaction. Anything else is logged and ignored, never answered.
import type { Config } from '../config.js';
import { tokenFromIds, verifyDigestToken } from '../digest/token.js';
import type { DigestReplyHandler } from '../ingest/batch.js';
import type { Db } from '../store/index.js';
import type { Logger } from '../log.js';
import {
  addSuppression,
  findDigestByToken,
  getItem,
  getOrCreateSecret,
  isCommandApplied,
  markCommandApplied,
  updateItem,
  muteItemPeople,
} from '../store/index.js';
import type { TrackedItem } from '../types.js';
import { isAutoReply } from '../track/auto-reply.js';
import { applyCommands, digestNumbers } from './apply.js';
import { authenticationFailure } from './authentication.js';
import { confirmationFor } from './confirm.js';
import { digestFreshness } from './freshness.js';
import { isFromOwner } from './owner.js';
import { parseReplyCommands } from './parse-reply.js';
import { commandKeys } from './reply-key.js';

async function anyApplied(tx: Db, keys: readonly string[]): Promise<boolean> {
  for (const key of keys) if (await isCommandApplied(tx, key)) return true;
  return false;
}

export function digestReplyHandler(
  config: Pick<Config, 'me' | 'timezone' | 'digest'> & Partial<Pick<Config, 'authservId'>>,
  log: Logger,
): DigestReplyHandler {
  const ignored = { applied: 0, confirmation: null };
  return async (tx, message, now) => {
    const token = tokenFromIds([message.inReplyTo, ...[...message.references].reverse()]);
    const secret = await getOrCreateSecret(tx);
    const digest = token && verifyDigestToken(secret, token) !== null ? await findDigestByToken(tx, token) : null;
    if (!digest) {
      log.info({ message: message.id }, 'a reply to a digest this store never sent: ignored');
      return ignored;
    }
    // An out-of-office answering the digest is a machine talking: obeying or answering it would loop.
    if (isAutoReply(message)) {
      log.info({ message: message.id }, 'an automatic reply to a digest: ignored');
      return ignored;
    }
    if (!isFromOwner(message.headers.from, message.from, config.me)) {
      log.warn(
        { message: message.id, from: message.headers.from },
        'a reply to a digest from someone other than you: ignored',
      );
      return ignored;
    }
    const ownerDomain = message.from[0]?.address.split('@')[1] ?? '';
    const failed = authenticationFailure(
      message.headers['authentication-results'],
      config.authservId ?? null,
      ownerDomain,
    );
    if (failed) {
      log.warn(
        { message: message.id, verdict: failed },
        `a reply to a digest that your provider marked ${failed}: ignored (a forged From)`,
      );
      return ignored;
    }
    const fresh = digestFreshness(digest.sentAt ?? digest.createdAt, now, config.digest.timezone);
    if (fresh.stale) {
      log.warn({ digest: digest.id, message: message.id }, 'a reply to a digest older than 14 days: refused');
      const refusal = confirmationFor(
        [`nothing changed: ${fresh.stale}. Reply to a recent digest.`],
        [],
        message.messageId,
        message.subject || 'followthru',
      );
      return { applied: 0, confirmation: config.digest.confirm ? refusal : null };
    }
    // The whole text, quotes included: a bare "done" under a quoted item line means that item.
    const only = digest.entries.length === 1 ? (digest.entries[0]?.number ?? null) : null;
    const commands = parseReplyCommands(message.text, now, config.timezone, only);
    const items = new Map<number, TrackedItem>();
    for (const entry of digest.entries) {
      const item = await getItem(tx, entry.itemId);
      if (item) items.set(item.id, item);
    }
    const { changes, results, drafts } = applyCommands(commands, digestNumbers(digest.entries, fresh.all), items, now);
    let applied = 0;
    for (const change of changes) {
      const keys = commandKeys(digest.id, message, change.item.id);
      if (await anyApplied(tx, keys)) continue;
      for (const key of keys) await markCommandApplied(tx, digest.id, key, now);
      await updateItem(tx, change.item.id, change.item, now);
      if (change.suppress)
        await addSuppression(
          tx,
          { rule: change.item.rule, phrase: change.item.text, itemId: change.item.id, account: change.item.account },
          now,
        );
      if (change.mute) await muteItemPeople(tx, change.item);
      applied++;
    }
    log.info({ digest: digest.id, results }, `applied ${applied} command(s) from your reply`);
    if (!config.digest.confirm) return { applied, confirmation: null, drafts };
    const choices = digest.entries.map((e) => `${e.number}. ${(items.get(e.itemId)?.text ?? '').slice(0, 70)}`);
    return {
      applied,
      confirmation: confirmationFor(results, choices, message.messageId, message.subject || 'followthru'),
      drafts,
    };
  };
}
