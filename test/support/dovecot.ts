// A private Dovecot on 127.0.0.1 for the IMAP tier: its own config, a free port, a Maildir in a temp folder.
// The config follows ../shared/docs/dovecot-test-server.md (seen to work as root with Dovecot 2.3).
import { execFile, spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DovecotOptions {
  /** Hide CONDSTORE/QRESYNC from the capability list (a server without them). */
  hideCondstore?: boolean;
  /** No SPECIAL-USE flags on Sent (a server without RFC 6154). */
  hideSpecialUse?: boolean;
  /** Name of the sent folder (default "Sent"). */
  sentName?: string;
}

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  doveadm(...args: string[]): Promise<string>;
  /** Drops every connection of the user (`doveadm kick`). */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function uidOf(name: string): number {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  return Number(out.stdout.trim());
}

function config(dir: string, port: number, options: DovecotOptions): string {
  const sent = options.sentName ?? 'Sent';
  const specialUse = options.hideSpecialUse ? '' : '    special_use = \\Sent\n';
  const caps = options.hideCondstore ? 'imap_capability = IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT THREAD=REFERENCES MULTIAPPEND UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 ESEARCH SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE\n' : '';
  return `base_dir = ${dir}/run
state_dir = ${dir}/run/state
log_path = ${dir}/run/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_internal_user = dovecot
default_internal_group = dovecot
default_login_user = dovenull
first_valid_uid = 0
${caps}protocol imap {
  mail_max_userip_connections = 50
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  mailbox "${sent}" {
${specialUse}    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
}
`;
}

async function waitForGreeting(port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not answer on 127.0.0.1:${port}`);
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'followthru-dovecot-'));
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'mail'), { recursive: true });
  await mkdir(join(dir, 'run'), { recursive: true });
  await chown(join(dir, 'mail'), uidOf('mail'), uidOf('mail')).catch(() => undefined);
  const user = 'dana@northwind.example';
  const password = 'dovecot-test-secret';
  await writeFile(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
  const port = await freePort();
  const conf = join(dir, 'dovecot.conf');
  await writeFile(conf, config(dir, port, options));
  // Dovecot forks into the background: wait for the foreground process only, with stdio detached (a pipe
  // the daemon inherits would never close).
  await new Promise<void>((resolve, reject) => {
    const child = spawn('dovecot', ['-c', conf], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dovecot exited with ${code}; see ${dir}/run/dovecot.log`))));
  });
  await waitForGreeting(port, Date.now() + 10_000);
  const doveadm = async (...args: string[]) => (await run('doveadm', ['-c', conf, ...args])).stdout;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    doveadm,
    kick: async () => {
      await doveadm('kick', user).catch(() => undefined);
    },
    stop: async () => {
      await doveadm('stop').catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
