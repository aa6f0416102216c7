// Confirmations waiting to be sent (see digest/deliver.ts sendOutbox). Queued inside the ingest transaction that
// applied the reply, so what was committed is confirmed at least once, even across a kill -9.
import { randomBytes } from 'node:crypto';
import type { Confirmation } from '../types.js';
import type { Db } from './db.js';
import { fromJson, toJson } from './json.js';

export interface QueuedConfirmation {
  id: number;
  /** Stable across tries: the confirmation's Message-ID is made from it. */
  key: string;
  confirmation: Confirmation;
  /** Set when a try began: after a crash the mail may have arrived already. */
  startedAt: string | null;
  attempts: number;
}

interface OutboxRow {
  id: number;
  key: string;
  confirmation_json: string;
  started_at: string | null;
  attempts: number;
}

export async function queueConfirmations(db: Db, confirmations: readonly Confirmation[], now: Date): Promise<void> {
  for (const confirmation of confirmations) {
    await db.run('INSERT INTO outbox (key, confirmation_json, created_at) VALUES (?, ?, ?)', [
      randomBytes(8).toString('hex'),
      toJson(confirmation),
      now.toISOString(),
    ]);
  }
}

/** Oldest first. */
export async function listOutbox(db: Db): Promise<QueuedConfirmation[]> {
  const rows = await db.all<OutboxRow>(
    'SELECT id, key, confirmation_json, started_at, attempts FROM outbox ORDER BY id',
  );
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    confirmation: fromJson<Confirmation>(row.confirmation_json, 'outbox.confirmation_json'),
    startedAt: row.started_at,
    attempts: row.attempts,
  }));
}

export async function startOutboxTry(db: Db, id: number, now: Date): Promise<void> {
  await db.run('UPDATE outbox SET started_at = ?, attempts = attempts + 1 WHERE id = ?', [now.toISOString(), id]);
}

export async function failOutboxTry(db: Db, id: number, error: string): Promise<void> {
  await db.run('UPDATE outbox SET started_at = NULL, last_error = ? WHERE id = ?', [error, id]);
}

export async function removeFromOutbox(db: Db, id: number): Promise<void> {
  await db.run('DELETE FROM outbox WHERE id = ?', [id]);
}
