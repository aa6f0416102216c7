// The weekly review's shell: compose it from the store. sendDigest(app, now, WEEKLY_REVIEW) records and delivers
// it exactly as the digest is (digest/deliver.ts): its own row of kind 'weekly' per day, so it goes out once on its
// day across restarts, and a reply to it is matched by its token and obeyed against its own numbering.
import type { StoreApp } from '../app.js';
import { type DigestMaker, labelAccounts } from '../digest/deliver.js';
import { listItems } from '../store/index.js';
import { composeReview, type WeeklyReview } from './compose.js';

/** The review as of `now`, with its counts (its digest null when there is nothing to say). */
export async function reviewFromStore(app: Pick<StoreApp, 'store' | 'config'>, now: Date): Promise<WeeklyReview> {
  const items = await listItems(app.store);
  const review = composeReview(items, {
    now,
    timeZone: app.config.digest.timezone,
    holidays: app.config.holidays,
    backfillDays: app.config.backfillDays,
    maxItems: app.config.digest.maxItems,
  });
  const several = app.config.accounts.length > 1;
  return several && review.digest ? { ...review, digest: labelAccounts(review.digest, items) } : review;
}

export const WEEKLY_REVIEW: DigestMaker = {
  kind: 'weekly',
  label: 'weekly review',
  compose: async (app, now) => (await reviewFromStore(app, now)).digest,
};
