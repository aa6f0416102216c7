// Checks that span fields or need more than a type: run once each field is valid on its own.
import { isIP } from 'node:net';
import type { Problem } from './problems.js';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling ("europe/london" → "Europe/London"), so later string compares agree. */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** YYYY-MM-DD naming a day that exists (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Five cron fields (six with seconds), each of digits, names, * , / - ? only. Full parsing is the scheduler's. */
export function looksLikeCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((f) => /^[\w*/,?-]+$/.test(f));
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

export interface ServerShape {
  host: string;
  port: number;
  secure: boolean;
  allowInsecure: boolean;
  password?: string | undefined;
  passwordEnv?: string | undefined;
  passwordCommand?: string | undefined;
}

export const SOURCES = ['passwordEnv', 'passwordCommand', 'password'] as const;

/** TLS and password-source rules shared by imap and smtp. Ports: [implicit TLS, STARTTLS]. */
export function checkServer(block: 'imap' | 'smtp', server: ServerShape, ports: readonly [number, number]): Problem[] {
  const problems: Problem[] = [];
  const [tls, starttls] = ports;
  if (server.allowInsecure && !isLoopback(server.host)) {
    problems.push({
      path: `${block}.allowInsecure`,
      problem: 'is only allowed for a loopback host (localhost, 127.0.0.1, ::1), because it permits plaintext',
      fix: 'remove it: use "secure": true, or false for STARTTLS',
    });
  }
  // A TLS port spoken to in plaintext (or the reverse) hangs at connect time with no clear error: say it now.
  if (server.port === tls && !server.secure) {
    problems.push({
      path: `${block}.secure`,
      problem: `is false, but port ${tls} expects implicit TLS`,
      fix: `set "secure": true, or use port ${starttls} for STARTTLS`,
    });
  }
  if (server.port === starttls && server.secure) {
    problems.push({
      path: `${block}.secure`,
      problem: `is true, but port ${starttls} expects STARTTLS`,
      fix: `set "secure": false, or use port ${tls} for implicit TLS`,
    });
  }
  const set = SOURCES.filter((key) => server[key] !== undefined);
  if (set.length > 1) {
    problems.push({
      path: block,
      problem: `has ${set.length} password sources (${set.join(', ')}), which is ambiguous`,
      fix: 'keep exactly one of passwordEnv, passwordCommand, password',
    });
  }
  return problems;
}

export const hasPasswordSource = (server: Partial<Record<(typeof SOURCES)[number], unknown>>): boolean =>
  SOURCES.some((key) => server[key] !== undefined && server[key] !== null);

export function checkIncreasing(path: string, values: readonly number[]): Problem[] {
  const sorted = values.every((v, i) => i === 0 || v > (values[i - 1] ?? 0));
  return sorted ? [] : [{ path, problem: 'must be strictly increasing', fix: 'e.g. [3, 7, 14]' }];
}
