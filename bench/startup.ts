// Start-up: wall time of `followthru --help`, `status` and `list` (the real binary, a store holding the sample
// mailbox), beside bare `node -e ''` measured in the same run. Target: each command under 0.3 s.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/followthru.js');
const TARGET_S = 0.3;

function wallSeconds(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Best and median of `runs` (the best is the figure the machine allows; the median shows the noise). */
function sample(args: string[], runs: number): { best: number; median: number } {
  const times = Array.from({ length: runs }, () => wallSeconds(args)).sort((a, b) => a - b);
  return { best: times[0] ?? NaN, median: times[Math.floor(times.length / 2)] ?? NaN };
}

export async function benchStartup(runs = 7): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'followthru-bench-startup-'));
  try {
    const config = join(dir, 'config.json');
    const json = {
      me: ['dana@northwind-solar.example'],
      timezone: 'America/Chicago',
      logLevel: 'warn',
      store: { path: join(dir, 'f.db') },
      imap: { host: 'imap.northwind-solar.example', user: 'dana', passwordEnv: 'UNUSED' },
      digest: { deliver: 'imap' },
    };
    await writeFile(config, JSON.stringify(json), { mode: 0o600 });
    execFileSync(
      process.execPath,
      [BIN, 'sync', '--config', config, '--from', resolve('sample/mailbox'), '--now', '2026-11-16T13:30:00Z'],
      { stdio: 'ignore' },
    );
    const rows: [string, string[]][] = [
      ["node -e ''  (the floor)", ['-e', '']],
      ['followthru --help', [BIN, '--help']],
      ['followthru status', [BIN, 'status', '--config', config]],
      ['followthru list', [BIN, 'list', '--config', config]],
    ];
    return rows.map(([label, args]) => {
      const { best, median } = sample(args, runs);
      const verdict = label.startsWith('node')
        ? ''
        : best < TARGET_S
          ? `  under ${TARGET_S} s`
          : `  OVER ${TARGET_S} s`;
      return `${label.padEnd(44)} best ${best.toFixed(3)} s  median ${median.toFixed(3)} s  (${runs} runs)${verdict}`;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
