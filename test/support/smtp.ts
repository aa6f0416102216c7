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

/** Accepts any mail; with `password`, requires AUTH PLAIN/LOGIN as "dana" with it. */
export async function startSmtp(options: { password?: string; reply?: SmtpReply } = {}): Promise<TestSmtp> {
  let deliveries = 0;
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.password ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.password,
    logger: false,
    onAuth(auth, _session, callback) {
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
