// The refresh token's own file, beside the store: created mode 0600, replaced atomically (a temporary file in the
// same folder, then rename), so a crash mid-write never leaves half a token and a reader sees old or new whole.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { FollowthruError } from '../errors.js';

export interface StoredSignIn {
  refreshToken: string;
  accessToken: string | null;
  /** ISO time the access token dies. */
  accessExpiresAt: string | null;
  scope: string | null;
  signedInAt: string;
  /** Set when the server refused the refresh token (invalid_grant): only `followthru login` clears it. */
  expired: { at: string; reason: string } | null;
}

export async function readTokenFile(path: string): Promise<StoredSignIn | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new FollowthruError(
      'ESIGNIN',
      `cannot read the sign-in file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'} — fix: run followthru login`,
      { cause: error },
    );
  }
  try {
    const data = JSON.parse(text) as Partial<StoredSignIn>;
    if (typeof data.refreshToken !== 'string' || data.refreshToken === '') throw new Error('no refresh token');
    return {
      refreshToken: data.refreshToken,
      accessToken: typeof data.accessToken === 'string' ? data.accessToken : null,
      accessExpiresAt: typeof data.accessExpiresAt === 'string' ? data.accessExpiresAt : null,
      scope: typeof data.scope === 'string' ? data.scope : null,
      signedInAt: typeof data.signedInAt === 'string' ? data.signedInAt : '',
      expired: data.expired ?? null,
    };
  } catch {
    // Never quote the file: it holds the token.
    throw new FollowthruError('ESIGNIN', `the sign-in file ${path} is damaged — fix: run followthru login`);
  }
}

export async function writeTokenFile(path: string, data: StoredSignIn): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'wx', 0o600);
  try {
    await file.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  await rename(temp, path);
}
