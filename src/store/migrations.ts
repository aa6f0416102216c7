// Numbered schema migrations, applied in order. PRAGMA user_version holds the number of the last one applied.
// Never edit a migration that has shipped: append a new one. Each runs in its own transaction.

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds tables that others point at, so it runs with foreign keys off (they cannot change inside a
   * transaction) and checks them before committing: SQLite's documented way to change a table's keys.
   */
  rebuildsTables?: boolean;
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
  {
    version: 5,
    name: 'accounts',
    rebuildsTables: true,
    // Every row of a mailbox gets its account, and keys become (account, ...). Rows already there belong to
    // the one account a single-account config is read as, "default". Ids, numbers and cursors are copied
    // unchanged; items keep their AUTOINCREMENT high-water mark, so no id is ever handed out twice.
    sql: `
      CREATE TABLE messages_next (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        message_id TEXT,
        thread_id TEXT NOT NULL,
        folder TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        from_json TEXT NOT NULL,
        to_json TEXT NOT NULL,
        cc_json TEXT NOT NULL,
        subject TEXT NOT NULL,
        sent_at TEXT,
        in_reply_to TEXT,
        references_json TEXT NOT NULL,
        attachments_json TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (account, id)
      );
      INSERT INTO messages_next (account, id, message_id, thread_id, folder, direction, from_json, to_json, cc_json,
        subject, sent_at, in_reply_to, references_json, attachments_json, seen_at)
      SELECT 'default', id, message_id, thread_id, folder, direction, from_json, to_json, cc_json,
        subject, sent_at, in_reply_to, references_json, attachments_json, seen_at FROM messages;

      CREATE TABLE items_next (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('promise', 'awaiting-reply', 'their-promise', 'asked-of-you')),
        status TEXT NOT NULL CHECK (status IN ('open', 'kept', 'answered', 'done', 'dropped', 'snoozed')),
        text TEXT NOT NULL,
        action TEXT NOT NULL,
        due_json TEXT,
        due_date TEXT,
        counterparties_json TEXT NOT NULL,
        message_id TEXT NOT NULL,
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
        FOREIGN KEY (account, message_id) REFERENCES messages (account, id),
        UNIQUE (account, message_id, kind, text)
      );
      INSERT INTO items_next (id, account, kind, status, text, action, due_json, due_date, counterparties_json,
        message_id, thread_id, subject, sent_at, rule, confidence, evidence_json, snoozed_until, nudges,
        clock_started_at, rejected_evidence_json, updated_at)
      SELECT id, 'default', kind, status, text, action, due_json, due_date, counterparties_json,
        message_id, thread_id, subject, sent_at, rule, confidence, evidence_json, snoozed_until, nudges,
        clock_started_at, rejected_evidence_json, updated_at FROM items;
      -- The copy set items_next's sequence to the highest id present; the old one may be higher.
      UPDATE sqlite_sequence SET seq = (SELECT MAX(seq) FROM sqlite_sequence WHERE name IN ('items', 'items_next'))
        WHERE name = 'items_next';

      CREATE TABLE cursors_next (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        uid_validity TEXT NOT NULL,
        last_uid INTEGER NOT NULL DEFAULT 0,
        highest_modseq TEXT,
        resets INTEGER NOT NULL DEFAULT 0,
        parked INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (account, folder)
      );
      INSERT INTO cursors_next (account, folder, uid_validity, last_uid, highest_modseq, resets, parked, updated_at)
      SELECT 'default', folder, uid_validity, last_uid, highest_modseq, resets, parked, updated_at FROM cursors;

      CREATE TABLE thread_keys_next (
        account TEXT NOT NULL,
        key TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        PRIMARY KEY (account, key)
      );
      INSERT INTO thread_keys_next (account, key, thread_id) SELECT 'default', key, thread_id FROM thread_keys;

      CREATE TABLE skipped_next (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        origin TEXT NOT NULL,
        message_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        skipped_at TEXT NOT NULL,
        UNIQUE (account, message_key)
      );
      INSERT INTO skipped_next (id, account, origin, message_key, reason, skipped_at)
      SELECT id, 'default', origin, message_key, reason, skipped_at FROM skipped;

      CREATE TABLE suppressions_next (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        rule TEXT NOT NULL,
        phrase_key TEXT NOT NULL,
        item_id INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (account, rule, phrase_key)
      );
      INSERT INTO suppressions_next (id, account, rule, phrase_key, item_id, created_at)
      SELECT id, 'default', rule, phrase_key, item_id, created_at FROM suppressions;

      DROP TABLE items;
      DROP TABLE messages;
      DROP TABLE cursors;
      DROP TABLE thread_keys;
      DROP TABLE skipped;
      DROP TABLE suppressions;
      ALTER TABLE messages_next RENAME TO messages;
      ALTER TABLE items_next RENAME TO items;
      ALTER TABLE cursors_next RENAME TO cursors;
      ALTER TABLE thread_keys_next RENAME TO thread_keys;
      ALTER TABLE skipped_next RENAME TO skipped;
      ALTER TABLE suppressions_next RENAME TO suppressions;

      CREATE INDEX messages_thread ON messages (account, thread_id, sent_at);
      CREATE INDEX messages_message_id ON messages (account, message_id);
      CREATE INDEX items_status ON items (status, due_date);
      CREATE INDEX items_thread ON items (account, thread_id);
      CREATE INDEX items_account ON items (account, status);
    `,
  },
  {
    version: 6,
    name: 'people',
    // People the user exchanges mail with (people/who-counts.ts decides who counts), rebuilt from stored mail.
    // person_mails: one row per person and mail, the days "exchanges" and the usual gap are counted from.
    sql: `
      CREATE TABLE people (
        account TEXT NOT NULL,
        address TEXT NOT NULL,               -- canonicalAddress
        name TEXT NOT NULL DEFAULT '',       -- the latest display name seen
        first_sent_at TEXT,
        last_sent_at TEXT,
        first_received_at TEXT,
        last_received_at TEXT,
        bulk INTEGER NOT NULL DEFAULT 0,     -- list, bulk or automated mail came from it: never a person
        muted INTEGER NOT NULL DEFAULT 0,    -- "mute N": never suggest keeping in touch
        PRIMARY KEY (account, address)
      ) WITHOUT ROWID;
      CREATE TABLE person_mails (
        account TEXT NOT NULL,
        address TEXT NOT NULL,
        message_id TEXT NOT NULL,            -- messages.id
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        day TEXT NOT NULL,                   -- UTC day of the mail, YYYY-MM-DD
        at TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        PRIMARY KEY (account, address, message_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_mails_at ON person_mails (account, at);
      WITH mails AS (
        SELECT m.account, m.id, m.direction, m.thread_id, m.subject, coalesce(m.sent_at, m.seen_at) AS at, p.value AS who
        FROM messages m, json_each(m.to_json) p WHERE m.direction = 'sent'
        UNION ALL
        SELECT m.account, m.id, m.direction, m.thread_id, m.subject, coalesce(m.sent_at, m.seen_at), p.value
        FROM messages m, json_each(m.cc_json) p WHERE m.direction = 'sent'
        UNION ALL
        SELECT m.account, m.id, m.direction, m.thread_id, m.subject, coalesce(m.sent_at, m.seen_at), p.value
        FROM messages m, json_each(m.from_json) p WHERE m.direction = 'received'
      ), plain AS (
        SELECT *, trim(lower(trim(json_extract(who, '$.address'))), '<>') AS a,
          coalesce(trim(json_extract(who, '$.name')), '') AS name FROM mails
      )
      INSERT OR IGNORE INTO person_mails (account, address, message_id, direction, day, at, name, subject, thread_id)
      SELECT account, CASE WHEN instr(a, '+') > 1 AND instr(a, '+') < instr(a, '@') THEN substr(a, 1, instr(a, '+') - 1) || substr(a, instr(a, '@')) ELSE a END, id, direction, substr(at, 1, 10), at, name, subject, thread_id
      FROM plain WHERE a IS NOT NULL AND instr(a, '@') > 1;
      INSERT INTO people (account, address, first_sent_at, last_sent_at, first_received_at, last_received_at)
      SELECT account, address,
        min(CASE WHEN direction = 'sent' THEN at END), max(CASE WHEN direction = 'sent' THEN at END),
        min(CASE WHEN direction = 'received' THEN at END), max(CASE WHEN direction = 'received' THEN at END)
      FROM person_mails GROUP BY account, address;
      UPDATE people SET name = coalesce((SELECT pm.name FROM person_mails pm WHERE pm.account = people.account
        AND pm.address = people.address AND pm.name != '' ORDER BY pm.at DESC LIMIT 1), '');
    `,
  },
  {
    version: 7,
    name: 'digest kinds',
    // The weekly review is recorded like a digest (its numbers answer replies, it is sent once per slot) but is
    // found apart: "once a day" and "kept since the last digest" count daily digests only.
    sql: `
      ALTER TABLE digests ADD COLUMN kind TEXT NOT NULL DEFAULT 'daily' CHECK (kind IN ('daily', 'weekly'));
      CREATE INDEX digests_kind_day ON digests (kind, for_day);
    `,
  },
];
