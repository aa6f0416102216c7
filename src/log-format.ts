// How a log line looks: JSON for machines (systemd's journal, --log-format json), one readable line for a
// person at a terminal. Pure: the finished, already-masked JSON line in, the human line out.

export type LogFormat = 'json' | 'human';

export const LOG_FORMATS: readonly LogFormat[] = ['json', 'human'];

/**
 * Human on a terminal, JSON otherwise. systemd sets JOURNAL_STREAM (and INVOCATION_ID) for its services: even
 * with a terminal attached, that output goes to the journal, where JSON keeps every field searchable.
 */
export function defaultLogFormat(
  env: NodeJS.ProcessEnv = process.env,
  isTTY = process.stderr.isTTY === true,
): LogFormat {
  return isTTY && !env.JOURNAL_STREAM && !env.INVOCATION_ID ? 'human' : 'json';
}

const HIDDEN = new Set(['time', 'level', 'msg', 'pid', 'hostname']);

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /^[\w./:@+-]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** `07:31:02 warn  sync interrupted: reconnecting  reason="timeout" attempt=1`, in the local zone. */
export function humanLine(jsonLine: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine; // not ours to reformat
  }
  const time = typeof entry.time === 'string' ? new Date(entry.time) : new Date();
  const clock = [time.getHours(), time.getMinutes(), time.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  const level = String(entry.level ?? 'info').padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${fieldText(value)}`);
  return `${clock} ${level} ${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}
