// The CPU half of ingesting a batch: parse, route, extract. No store, no clock: it runs the same in the main
// thread or in a worker (ingest/pool.ts), and the store half (batch.ts) consumes its results in order.
import { errorMessage } from '../errors.js';
import { offsetOfZone } from '../extract/due/calendar.js';
import type { Extractor } from '../extract/index.js';
import { parseMessage } from '../parse/mailparser.js';
import type { Extraction, Message, RawMessage } from '../types.js';
import { type Route, routeMessage } from './route.js';

/** One mail of a batch, ready for the store: parsed, routed and (unless it is a digest or a reply to one) read. */
export type Prepared =
  | { raw: RawMessage; error: string }
  | { raw: RawMessage; message: Message; route: Route; extraction: Extraction | null };

/** What preparing needs from the ingest context: plain data, so it can cross to a worker. */
export interface PrepareContext {
  me: readonly string[];
  timeZone: string;
}

/** The user's own mail is read in the user's zone ("Friday" is their Friday); others' in the sender's. */
function forExtraction(message: Message, route: Route, timeZone: string): Message {
  if (route !== 'outgoing' || !message.date) return message;
  return { ...message, tzOffsetMinutes: offsetOfZone(message.date, timeZone) };
}

/** Digests and replies to them promise and ask nothing: they are never read by the rules. */
const READ: ReadonlySet<Route> = new Set(['outgoing', 'inbound']);

export async function prepareOne(extractor: Extractor, ctx: PrepareContext, raw: RawMessage): Promise<Prepared> {
  let message: Message;
  try {
    message = await parseMessage(raw);
  } catch (error) {
    return { raw, error: errorMessage(error) };
  }
  const route = routeMessage(message, ctx.me);
  const extraction = READ.has(route) ? extractor.extract(forExtraction(message, route, ctx.timeZone)) : null;
  return { raw, message, route, extraction };
}

export type Preparer = (ctx: PrepareContext, raws: readonly RawMessage[]) => Promise<Prepared[]>;

/** The single-threaded preparer: one mail after the other, in order. */
export function inlinePreparer(extractor: Extractor): Preparer {
  return async (ctx, raws) => {
    const prepared: Prepared[] = [];
    for (const raw of raws) prepared.push(await prepareOne(extractor, ctx, raw));
    return prepared;
  };
}
