// doctor against a real Dovecot: a store others may read is a problem, named with its fix.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

describe("doctor checks the store files' modes", () => {
  let dovecot: Dovecot;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-doctor-modes-'));
    config = join(dir, 'config.json');
    process.env.FT_DOCTOR_MODES_PASSWORD = dovecot.password;
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'UTC',
        store: { path: join(dir, 'store', 'f.db') },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_DOCTOR_MODES_PASSWORD',
        },
        digest: { deliver: 'imap' },
      }),
      { mode: 0o600 },
    );
  });
  afterAll(async () => {
    delete process.env.FT_DOCTOR_MODES_PASSWORD;
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes on a store followthru created, and names a file made readable by others, with the fix', async () => {
    const fresh = await runDoctor(config);
    expect(fresh.filter((c) => !c.ok)).toEqual([]);
    expect(fresh.find((c) => c.name === 'store files')?.detail).toContain('readable only by you');
    const store = join(dir, 'store', 'f.db');
    await chmod(store, 0o644);
    const checks = await runDoctor(config);
    const files = checks.find((c) => c.name === 'store files');
    expect(files?.ok).toBe(false);
    expect(files?.detail).toContain(`${store} (644)`);
    expect(files?.detail).toContain(`fix: chmod 600 ${store}`);
  });
});
