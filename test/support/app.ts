// An App on a temp SQLite file, configured for the test Dovecot (and optionally a test SMTP server).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, openApp } from '../../src/app.js';
import { type Config, parseConfig } from '../../src/config.js';
import { createLogger, type LogDestination } from '../../src/log.js';
import type { Dovecot } from './dovecot.js';

export interface TestApp {
  app: App;
  config: Config;
  dir: string;
  logs: string[];
  cleanup(): Promise<void>;
}

export function dovecotConfigJson(dovecot: Dovecot, dir: string, extra: Record<string, unknown> = {}) {
  return {
    me: [dovecot.user],
    timezone: 'America/Chicago',
    store: { path: join(dir, 'followthru.db') },
    imap: {
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      allowInsecure: true,
      user: dovecot.user,
      password: dovecot.password,
    },
    digest: { deliver: 'imap' },
    ...extra,
  };
}

export async function testApp(dovecot: Dovecot, extra: Record<string, unknown> = {}): Promise<TestApp> {
  const dir = await mkdtemp(join(tmpdir(), 'followthru-app-'));
  const config = parseConfig(dovecotConfigJson(dovecot, dir, extra), join(dir, 'config.json'));
  const logs: string[] = [];
  const destination: LogDestination = { write: (line) => logs.push(line) };
  const app = await openApp(config, { log: createLogger({ level: 'debug', destination }) });
  return {
    app,
    config,
    dir,
    logs,
    cleanup: async () => {
      await app.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A small RFC 5322 mail. */
export function rawMail(spec: {
  from: string;
  to: string;
  subject: string;
  body: string;
  date: string;
  id: string;
  inReplyTo?: string;
  headers?: Record<string, string>;
}): Buffer {
  const extra = Object.entries(spec.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const reply = spec.inReplyTo ? `In-Reply-To: <${spec.inReplyTo}>\r\nReferences: <${spec.inReplyTo}>\r\n` : '';
  return Buffer.from(
    `From: ${spec.from}\r\nTo: ${spec.to}\r\nSubject: ${spec.subject}\r\nDate: ${spec.date}\r\nMessage-ID: <${spec.id}>\r\n${reply}${extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${spec.body}\r\n`,
  );
}
