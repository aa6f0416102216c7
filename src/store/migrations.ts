// Numbered schema migrations, applied in order. PRAGMA user_version holds the number of the last one applied.
// Never edit a migration that has shipped: append a new one. Each runs in its own transaction.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE messages (
        id TEXT PRIMARY KEY,                 -- Message.id: the same mail seen again (new UID, other folder) hits this
        message_id TEXT,
        thread_id TEXT NOT NULL,
        folder TEXT NOT NULL,                -- where it was first seen
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        from_json TEXT NOT NULL,
        to_json TEXT NOT NULL,
        cc_json TEXT NOT NULL,
        subject TEXT NOT NULL,
        sent_at TEXT,                        -- ISO instant, NULL when the Date header was missing
        in_reply_to TEXT,
        references_json TEXT NOT NULL,
        attachments_json TEXT NOT NULL,      -- attachment file names
        seen_at TEXT NOT NULL
      );
      CREATE INDEX messages_thread ON messages (thread_id, sent_at);
      CREATE INDEX messages_message_id ON messages (message_id);

      CREATE TABLE skipped (
        id INTEGER PRIMARY KEY,
        origin TEXT NOT NULL,
        message_key TEXT NOT NULL UNIQUE,
        reason TEXT NOT NULL,
        skipped_at TEXT NOT NULL
      );

      -- AUTOINCREMENT: digests point at item ids, so an id must never be handed out twice.
      CREATE TABLE items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('promise', 'awaiting-reply', 'their-promise', 'asked-of-you')),
        status TEXT NOT NULL CHECK (status IN ('open', 'kept', 'answered', 'done', 'dropped', 'snoozed')),
        text TEXT NOT NULL,
        action TEXT NOT NULL,
        due_json TEXT,
        due_date TEXT,                       -- due.date copied out for ordering and queries
        counterparties_json TEXT NOT NULL,
        message_id TEXT NOT NULL REFERENCES messages (id),
        thread_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        rule TEXT NOT NULL,
        confidence REAL NOT NULL,
        evidence_json TEXT,
        snoozed_until TEXT,
        nudges INTEGER NOT NULL DEFAULT 0,
        clock_started_at TEXT NOT NULL,
        rejected_evidence_json TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        UNIQUE (message_id, kind, text)      -- re-processing a mail never doubles an item
      );
      CREATE INDEX items_status ON items (status, due_date);
      CREATE INDEX items_thread ON items (thread_id);

      CREATE TABLE cursors (
        folder TEXT PRIMARY KEY,
        uid_validity TEXT NOT NULL,          -- text: UIDVALIDITY is an unsigned 32-bit number, a BigInt in imapflow
        last_uid INTEGER NOT NULL DEFAULT 0,
        highest_modseq TEXT,
        resets INTEGER NOT NULL DEFAULT 0,
        parked INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE digests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        token TEXT NOT NULL UNIQUE,
        message_id TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        for_day TEXT NOT NULL,
        entries_json TEXT NOT NULL,
        item_count INTEGER NOT NULL
      );
      CREATE INDEX digests_for_day ON digests (for_day);

      CREATE TABLE applied_commands (
        id INTEGER PRIMARY KEY,
        digest_id INTEGER NOT NULL REFERENCES digests (id),
        command_key TEXT NOT NULL UNIQUE,
        applied_at TEXT NOT NULL
      );

      CREATE TABLE suppressions (
        id INTEGER PRIMARY KEY,
        rule TEXT NOT NULL,
        phrase_key TEXT NOT NULL,
        item_id INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (rule, phrase_key)
      );

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'thread keys',
    sql: `
      -- Every key a later mail may point at (Message-ID, our id, Gmail thread, subject+people) → its thread.
      CREATE TABLE thread_keys (
        key TEXT PRIMARY KEY,
        thread_id TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'digest delivery attempts',
    sql: `
      -- The mail as first built, so a retry sends the very same digest (same numbering, same Message-ID).
      ALTER TABLE digests ADD COLUMN mail_json TEXT;
      -- One row per try to deliver a digest. 'sending' with no finished_at after a restart means the process died
      -- mid-send: the mail may or may not have arrived.
      CREATE TABLE digest_attempts (
        id INTEGER PRIMARY KEY,
        digest_id INTEGER NOT NULL REFERENCES digests (id),
        started_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('sending', 'sent', 'failed', 'found-delivered')),
        retry_kind TEXT,                     -- after a failure: auth | throttle | transient, NULL when not retried
        error TEXT,
        finished_at TEXT
      );
      CREATE INDEX digest_attempts_digest ON digest_attempts (digest_id, id);
      -- Confirmations of replies, written in the transaction that applied the reply and deleted once delivered:
      -- a kill -9 right after that commit no longer loses them. started_at: a try began (and may have arrived).
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,            -- makes the confirmation's Message-ID, the same on every try
        confirmation_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        started_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
    `,
  },
  {
    version: 4,
    name: 'item people',
    sql: `
      -- Each item's counterparties by canonical address (track/who.ts canonicalAddress), so a mail finds the
      -- open items of its people through an index instead of reading every open item.
      CREATE TABLE item_people (
        address TEXT NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items (id),
        PRIMARY KEY (address, item_id)
      ) WITHOUT ROWID;
      CREATE INDEX item_people_item ON item_people (item_id);
      -- canonicalAddress in SQL: trimmed, lower case, angle brackets gone, a '+tag' of the local part dropped.
      WITH plain AS (
        SELECT items.id AS item_id, trim(lower(trim(json_extract(p.value, '$.address'))), '<>') AS a
        FROM items, json_each(items.counterparties_json) AS p
      )
      INSERT OR IGNORE INTO item_people (address, item_id)
      SELECT CASE WHEN instr(a, '+') > 1 AND instr(a, '+') < instr(a, '@')
                  THEN substr(a, 1, instr(a, '+') - 1) || substr(a, instr(a, '@')) ELSE a END, item_id
      FROM plain WHERE a IS NOT NULL AND a != '';
    `,
  },
];
