// --account ID: the store as that account sees it, or the whole store (every account) when not given.
import type { StoreApp } from '../app.js';
import { configForAccount } from '../config/accounts.js';
import type { Db } from '../store/index.js';

export function accountScope(app: Pick<StoreApp, 'config' | 'store'>, options: Record<string, unknown>): Db {
  const id = typeof options.account === 'string' ? options.account : null;
  if (id === null) return app.store;
  configForAccount(app.config, id); // an unknown id is refused, naming the known ones
  return app.store.forAccount(id);
}
