// A real SMTP server on loopback (nodemailer's smtp-server) that keeps what it receives.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

/**
 * How the server answers the DATA of delivery number `n` (0-based): accept (null), refuse with an SMTP code
 * (451: try later, 550: never), or 'hang': keep the mail but never answer (the client waits, or is killed).
 */
export type SmtpReply = (n: number) => null | { code: number; text: string } | 'hang';

/** Asks an RFC 7662 introspection endpoint whose a bearer token is, as Dovecot's oauth2 passdb does. */
async function introspect(url: string, token: string): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams({ token }) });
  const body = (await response.json()) as { active?: boolean; username?: string };
  return body.active ? (body.username ?? null) : null;
}

/**
 * Accepts any mail; with `password`, requires AUTH PLAIN/LOGIN as "dana" with it; with `oauth2`, requires AUTH
 * XOAUTH2 with a token the introspection endpoint calls active for that user.
 */
export async function startSmtp(
  options: { password?: string; reply?: SmtpReply; oauth2?: { introspectionUrl: string } } = {},
): Promise<TestSmtp> {
  let deliveries = 0;
  const received: ReceivedMail[] = [];
  const login = options.password !== undefined || options.oauth2 !== undefined;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    ...(options.oauth2 ? { authMethods: ['XOAUTH2'] } : {}),
    allowInsecureAuth: true,
    authOptional: !login,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.oauth2 && auth.method === 'XOAUTH2') {
        const { introspectionUrl } = options.oauth2;
        void introspect(introspectionUrl, auth.accessToken ?? '').then(
          (user) =>
            user && user === auth.username
              ? callback(null, { user })
              : callback(null, { data: { status: '401', schemes: 'bearer' } }),
          (error: Error) => callback(error),
        );
        return;
      }
      if (auth.username === 'dana' && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const answer = options.reply?.(deliveries++) ?? null;
        if (answer !== null && answer !== 'hang') {
          return callback(Object.assign(new Error(answer.text), { responseCode: answer.code }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        if (answer !== 'hang') callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
