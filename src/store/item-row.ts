// How a TrackedItem maps to the items table, field by field, both ways.
import { realDay } from '../calendar/index.js';
import type { Address, Due, Evidence, ItemKind, ItemStatus, TrackedItem } from '../types.js';
import type { SqlValue } from './db.js';
import { fromJson, fromJsonOrNull, toJson } from './json.js';

export interface ItemRow {
  id: number;
  account: string;
  kind: ItemKind;
  status: ItemStatus;
  text: string;
  action: string;
  due_json: string | null;
  due_date: string | null;
  counterparties_json: string;
  message_id: string;
  thread_id: string;
  subject: string;
  sent_at: string;
  rule: string;
  confidence: number;
  evidence_json: string | null;
  snoozed_until: string | null;
  nudges: number;
  clock_started_at: string;
  rejected_evidence_json: string;
  updated_at: string;
}

type Writable = Omit<TrackedItem, 'id' | 'updatedAt' | 'account'>;
type Columns = Array<[string, SqlValue]>;

/** One encoder per field: the mapped type makes the compiler flag a TrackedItem field with no column. */
export const ENCODERS: { [K in keyof Writable]-?: (value: Writable[K]) => Columns } = {
  kind: (v) => [['kind', v]],
  status: (v) => [['status', v]],
  text: (v) => [['text', v]],
  action: (v) => [['action', v]],
  // due_date is a copy of due.date so that "what is due today" is an indexed query.
  due: (v) => [
    ['due_json', v ? toJson(v) : null],
    ['due_date', v?.date ?? null],
  ],
  counterparties: (v) => [['counterparties_json', toJson(v)]],
  messageId: (v) => [['message_id', v]],
  threadId: (v) => [['thread_id', v]],
  subject: (v) => [['subject', v]],
  sentAt: (v) => [['sent_at', v]],
  rule: (v) => [['rule', v]],
  confidence: (v) => [['confidence', v]],
  evidence: (v) => [['evidence_json', v ? toJson(v) : null]],
  snoozedUntil: (v) => [['snoozed_until', v]],
  nudges: (v) => [['nudges', v]],
  clockStartedAt: (v) => [['clock_started_at', v]],
  rejectedEvidence: (v) => [['rejected_evidence_json', toJson(v)]],
};

/**
 * The due day as stored, made real at the point it is read: an older followthru stored days that do not exist
 * ("by the 31st" in November as 2026-11-31), and one such row stopped every digest. The month's last day then,
 * without its time (which named a day that never was), or no date when it is no day at all.
 */
function storedDue(json: string | null): Due | null {
  const due = fromJsonOrNull<Due>(json, 'items.due_json');
  const date = typeof due?.date === 'string' ? realDay(due.date) : null;
  if (!due || !date) return null;
  return date === due.date ? due : { ...due, date, at: null };
}

export function toTrackedItem(row: ItemRow): TrackedItem {
  return {
    id: row.id,
    account: row.account,
    kind: row.kind,
    status: row.status,
    text: row.text,
    action: row.action,
    due: storedDue(row.due_json),
    counterparties: fromJson<Address[]>(row.counterparties_json, 'items.counterparties_json'),
    messageId: row.message_id,
    threadId: row.thread_id,
    subject: row.subject,
    sentAt: row.sent_at,
    rule: row.rule,
    confidence: row.confidence,
    evidence: fromJsonOrNull<Evidence>(row.evidence_json, 'items.evidence_json'),
    snoozedUntil: row.snoozed_until,
    nudges: row.nudges,
    clockStartedAt: row.clock_started_at,
    rejectedEvidence: fromJson<string[]>(row.rejected_evidence_json, 'items.rejected_evidence_json'),
    updatedAt: row.updated_at,
  };
}
