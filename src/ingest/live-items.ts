// The open and snoozed items a batch can change, indexed by thread and by person, so a mail finds the items it
// concerns by lookups instead of scanning every live item: the work of a batch grows with its mail, not with the
// mail times the items. A mail's changes are journaled so a mail that fails is undone alone (its savepoint).
import { canonicalAddress } from '../track/who.js';
import type { Message, TrackedItem } from '../types.js';

interface Entry {
  item: TrackedItem;
  /** Insertion order: the order a plain Map of the items would list them in. */
  seq: number;
}

function addTo(index: Map<string, Set<number>>, key: string, id: number): void {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFrom(index: Map<string, Set<number>>, key: string, id: number): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

const peopleOf = (item: TrackedItem): Set<string> =>
  new Set(item.counterparties.map((a) => canonicalAddress(a.address)));

/**
 * Where the open items any mail of a batch can change are found: the threads its keys are known to point at, each
 * mail's own id (the thread it starts), and its people. `known` maps thread lookup keys to thread ids.
 */
export function batchScope(
  mails: readonly Message[],
  known: ReadonlyMap<string, string>,
): { threadIds: string[]; people: string[] } {
  const people = mails.flatMap((m) => [...m.from, ...m.to, ...m.cc, ...m.bcc].map((a) => canonicalAddress(a.address)));
  return { threadIds: [...known.values(), ...mails.map((m) => m.id)], people };
}

export class LiveItems {
  private readonly entries = new Map<number, Entry>();
  private readonly byThread = new Map<string, Set<number>>();
  private readonly byPerson = new Map<string, Set<number>>();
  private nextSeq = 0;
  /** What each change replaced, while a mail is being ingested (null: no mail open). */
  private journal: { id: number; before: Entry | undefined }[] | null = null;

  constructor(items: Iterable<TrackedItem> = []) {
    for (const item of items) this.set(item.id, item);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces an item; a replaced one keeps its place in the order, as in a Map. */
  set(id: number, item: TrackedItem): void {
    const before = this.entries.get(id);
    this.journal?.push({ id, before });
    if (before) this.unindex(id, before.item);
    this.put(id, { item, seq: before?.seq ?? this.nextSeq++ });
  }

  /** After an item changed: kept while it is still open or snoozed, gone from the live items once it is not. */
  settle(id: number, item: TrackedItem): void {
    if (item.status === 'open' || item.status === 'snoozed') this.set(id, item);
    else this.delete(id);
  }

  delete(id: number): void {
    const before = this.entries.get(id);
    if (!before) return;
    this.journal?.push({ id, before });
    this.unindex(id, before.item);
    this.entries.delete(id);
  }

  /** The items of the mail's thread, or with one of its people as counterparty, in insertion order. */
  concerning(message: Pick<Message, 'from' | 'to' | 'cc' | 'bcc'>, threadId: string): TrackedItem[] {
    const ids = new Set(this.byThread.get(threadId));
    for (const a of [...message.from, ...message.to, ...message.cc, ...message.bcc]) {
      for (const id of this.byPerson.get(canonicalAddress(a.address)) ?? []) ids.add(id);
    }
    return [...ids]
      .map((id) => this.entries.get(id))
      .filter((e): e is Entry => e !== undefined)
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.item);
  }

  /** Runs one mail's changes: kept if it resolves, undone if it throws. */
  async within<T>(work: () => Promise<T>): Promise<T> {
    const journal: { id: number; before: Entry | undefined }[] = [];
    this.journal = journal;
    try {
      return await work();
    } catch (error) {
      this.journal = null;
      for (const { id, before } of journal.reverse()) {
        const now = this.entries.get(id);
        if (now) this.unindex(id, now.item);
        this.entries.delete(id);
        if (before) this.put(id, before);
      }
      throw error;
    } finally {
      this.journal = null;
    }
  }

  private put(id: number, entry: Entry): void {
    this.entries.set(id, entry);
    addTo(this.byThread, entry.item.threadId, id);
    for (const person of peopleOf(entry.item)) addTo(this.byPerson, person, id);
  }

  private unindex(id: number, item: TrackedItem): void {
    removeFrom(this.byThread, item.threadId, id);
    for (const person of peopleOf(item)) removeFrom(this.byPerson, person, id);
  }
}
