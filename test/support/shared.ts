// Where the shared public fixtures and eval corpora live: beside the project (../shared), as the team's
// layout has it, or wherever FOLLOWTHRU_SHARED points (a clone elsewhere, e.g. in CI).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function sharedDir(...parts: string[]): string {
  const candidates = [process.env.FOLLOWTHRU_SHARED, resolve(process.cwd(), '..', 'shared'), '/work/shared'];
  const root = candidates.find((dir): dir is string => typeof dir === 'string' && existsSync(dir));
  if (!root) throw new Error('the shared fixtures were not found: set FOLLOWTHRU_SHARED to the shared/ folder');
  return resolve(root, ...parts);
}
