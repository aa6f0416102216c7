// How followthru logs in to a server: a password, or an OAuth2 access token (from a sign-in of its own or from
// a tokenCommand). Every secret is registered with the logger before it is used, so no log line carries it.
import { type Config, resolvePassword, resolveTokenCommand } from '../config.js';
import { registerSecret } from '../log.js';
import { accessTokenFor } from './access-token.js';

export type Credential = { password: string } | { accessToken: string };

export async function credentialFor(
  config: Config,
  block: 'imap' | 'smtp',
  options: { force?: boolean } = {},
): Promise<Credential> {
  const server = block === 'imap' ? config.imap : config.smtp;
  if (!server) throw new Error(`${block}: not configured`);
  const oauth2 = server.oauth2 ?? null;
  if (!oauth2) {
    const password = await resolvePassword(server, process.env, { label: block });
    registerSecret(password);
    return { password };
  }
  if (oauth2.kind === 'command') {
    const accessToken = await resolveTokenCommand(oauth2.tokenCommand, process.env, { label: block });
    registerSecret(accessToken);
    return { accessToken };
  }
  return { accessToken: await accessTokenFor(oauth2, options) };
}

/**
 * Runs `use` with the server's credential. When the server refuses an access token (`isRefusal`), the token is
 * refreshed once and `use` retried once: a token can die early (revoked, clock skew) while its file says alive.
 */
export async function withCredential<T>(
  config: Config,
  block: 'imap' | 'smtp',
  use: (credential: Credential) => Promise<T>,
  isRefusal: (error: unknown) => boolean,
): Promise<T> {
  const first = await credentialFor(config, block);
  try {
    return await use(first);
  } catch (error) {
    if ('password' in first || !isRefusal(error)) throw error;
    return use(await credentialFor(config, block, { force: true }));
  }
}
