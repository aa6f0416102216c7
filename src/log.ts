// Logging: JSON lines on stderr (or human ones, see log-format.ts). The only file that imports pino.
// Two nets against leaking secrets: keys that name a secret are redacted wherever they sit (four levels
// deep), and any value passed to registerSecret is masked in the finished line, whatever key or text holds it.
import { createRequire } from 'node:module';
import type pinoModule from 'pino';
import { humanLine, type LogFormat } from './log-format.js';

// pino is loaded on the first createLogger, not on import: commands that never log (list, status) skip it.
type Pino = typeof pinoModule;
let pinoLoaded: Pino | null = null;
const loadPino = (): Pino => (pinoLoaded ??= createRequire(import.meta.url)('pino') as Pino);

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LogMethod {
  (message: string): void;
  (fields: object, message?: string): void;
}

export interface Logger {
  trace: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  /** A logger that adds `bindings` to every line (e.g. { folder: 'Sent' }). */
  child(bindings: Record<string, unknown>): Logger;
}

/** Where lines go; anything with write(), e.g. a test's collector. */
export interface LogDestination {
  write(line: string): unknown;
}

const SECRET_KEYS = [
  'password',
  'pass',
  'passwd',
  'auth',
  'authorization',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'cookie',
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** Shorter values are not masked: a 3-character "secret" would shred every line, and guards nothing real. */
export const MIN_SECRET_LENGTH = 4;
const MASK = '[secret]';
// Longest first, so a secret that contains another is masked whole.
let secretForms: string[] = [];

/**
 * Masks `value` in every line logged from now on, by any logger: as written, as JSON escapes it, and in
 * base64 (how SASL and HTTP Basic carry it). Call it as soon as a password is read.
 */
export function registerSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  const bytes = Buffer.from(value, 'utf8');
  const forms = [value, JSON.stringify(value).slice(1, -1), bytes.toString('base64'), bytes.toString('base64url')];
  secretForms = [...new Set([...secretForms, ...forms])].sort((a, b) => b.length - a.length);
}

/** Replaces every registered secret in `text`. Exported for other outputs (e.g. an error printed to stderr). */
export function maskSecrets(text: string): string {
  let masked = text;
  for (const form of secretForms) if (masked.includes(form)) masked = masked.split(form).join(MASK);
  return masked;
}

function wrap(base: pinoModule.Logger): Logger {
  const method =
    (level: 'trace' | 'debug' | 'info' | 'warn' | 'error'): LogMethod =>
    (fieldsOrMessage: object | string, message?: string) => {
      if (typeof fieldsOrMessage === 'string') base[level](fieldsOrMessage);
      else base[level](fieldsOrMessage, message);
    };
  return {
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    child: (bindings) => wrap(base.child(bindings)),
  };
}

export function createLogger(
  options: { level?: LogLevel; destination?: LogDestination; format?: LogFormat } = {},
): Logger {
  const pino = loadPino();
  const target = options.destination ?? pino.destination({ fd: 2, sync: true });
  // Human lines are made from the finished JSON line, after masking: the same secrets are gone from both.
  const destination: LogDestination =
    options.format === 'human' ? { write: (line) => target.write(humanLine(line)) } : target;
  const base = pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // `error` as well as pino's `err`: both names are used for caught errors, and a bare Error logs as {}.
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The last word on every line: after serialisation, so no key, message, binding or stack escapes it.
      hooks: { streamWrite: maskSecrets },
    },
    // Synchronous stderr: a daemon that crashes must not lose the line that says why.
    destination,
  );
  return wrap(base);
}
