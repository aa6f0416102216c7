// A private Dovecot on 127.0.0.1 for the IMAP tier: its own config, a free port, a Maildir in a temp folder.
// The config follows ../shared/docs/dovecot-test-server.md (seen to work as root with Dovecot 2.3). Dovecot runs in
// the foreground (-F) as our child, so stop() is a kill and a crashed test run leaves no daemon behind.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DovecotUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  /** Hide CONDSTORE/QRESYNC from the capability list (a server without them). */
  hideCondstore?: boolean;
  /** No SPECIAL-USE flags on Sent (a server without RFC 6154). */
  hideSpecialUse?: boolean;
  /** Name of the sent folder (default "Sent"). */
  sentName?: string;
  /** Accounts; the first is the default `user`/`password`. */
  users?: DovecotUser[];
  /**
   * Also accept XOAUTH2 and OAUTHBEARER: an oauth2 passdb asks this RFC 7662 introspection endpoint whether a
   * bearer token is active and whose it is (../shared/docs/dovecot-oauth2.md). Passwords keep working.
   */
  oauth2?: {
    introspectionUrl: string;
    /** Default both; ['xoauth2'] is what Outlook and Gmail offer. */ mechanisms?: Array<'xoauth2' | 'oauthbearer'>;
  };
}

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  users: DovecotUser[];
  dir: string;
  /** Runs doveadm against this instance; resolves to its stdout. */
  doveadm(...args: string[]): Promise<string>;
  /** Drops every connection of the user (`doveadm kick`). */
  kick(user?: string): Promise<void>;
  /** Forces a new UIDVALIDITY on a mailbox, as a server migration would. */
  setUidValidity(mailbox: string, uidValidity: number, user?: string): Promise<void>;
  /** Stores a mail with `doveadm save` (no IMAP connection needed). */
  append(mailbox: string, raw: Buffer | string, user?: string): Promise<void>;
  /** Dovecot's own log, for a failing test's message. */
  log(): Promise<string>;
  stop(): Promise<void>;
}

export const DEFAULT_USER: DovecotUser = { user: 'dana@northwind.example', password: 'dovecot-test-secret' };

/** Who runs what: Dovecot's service users and the owner of the mail files. */
interface Accounts {
  internalUser: string;
  internalGroup: string;
  loginUser: string;
  mailUid: string;
  mailGid: string;
}

// Dovecot 2.3.19's post-login list without CONDSTORE and QRESYNC (imap_capability replaces, it cannot subtract).
const NO_CONDSTORE_CAPS =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS ' +
  'THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED ' +
  'I18NLEVEL=1 ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY ' +
  'PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE';

const oauthMechanisms = (options: DovecotOptions) =>
  (options.oauth2?.mechanisms ?? ['xoauth2', 'oauthbearer']).join(' ');

function dovecotConfig(dir: string, port: number, greeting: string, who: Accounts, options: DovecotOptions): string {
  const sent = options.sentName ?? 'Sent';
  const specialUse = options.hideSpecialUse ? '' : '    special_use = \\Sent\n';
  const caps = options.hideCondstore ? `imap_capability = ${NO_CONDSTORE_CAPS}\n` : '';
  return `base_dir = ${dir}/run
state_dir = ${dir}/run/state
log_path = ${dir}/run/dovecot.log
protocols = imap
listen = 127.0.0.1
login_greeting = ${greeting}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login${options.oauth2 ? ` ${oauthMechanisms(options)}` : ''}
# A refused login answers sooner: the wrong-password test need not wait Dovecot's default 2 s.
auth_failure_delay = 0
mail_location = maildir:${dir}/mail/%u
# Throwaway mail: no fsync makes seeding hundreds of mails several times faster.
mail_fsync = never
default_internal_user = ${who.internalUser}
default_internal_group = ${who.internalGroup}
default_login_user = ${who.loginUser}
first_valid_uid = 0
${caps}protocol imap {
  mail_max_userip_connections = 50
}
${
  options.oauth2
    ? `passdb {
  driver = oauth2
  mechanisms = ${oauthMechanisms(options)}
  args = ${dir}/oauth2.conf.ext
}
`
    : ''
}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${who.mailUid} gid=${who.mailGid} home=${dir}/mail/%u
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
  # Unreachable penalty socket = no auth penalty: after one wrong password Dovecot would hold the next login
  # from 127.0.0.1 for 2-15 s, slowing every test that follows a refused login.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
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

async function idOf(flag: '-u' | '-g', name: string): Promise<number> {
  return Number((await run('id', [flag, name])).stdout.trim());
}

/** Root runs mail as `mail` with Dovecot's own service users (imap-login refuses root); anyone else runs all as self. */
async function accounts(): Promise<Accounts> {
  if (process.getuid?.() === 0) {
    return {
      internalUser: 'dovecot',
      internalGroup: 'dovecot',
      loginUser: 'dovenull',
      mailUid: 'mail',
      mailGid: 'mail',
    };
  }
  const me = userInfo();
  const group = (await run('id', ['-gn'])).stdout.trim();
  return {
    internalUser: me.username,
    internalGroup: group,
    loginUser: me.username,
    mailUid: String(me.uid),
    mailGid: String(me.gid),
  };
}

/** True once the server greets with our greeting; false on refusal (not listening yet) or a stranger's greeting. */
function greets(port: number, greeting: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    // Dovecot may first say "* OK Waiting for authentication process to respond..", then greet: read on.
    let said = '';
    socket.setTimeout(2_000, () => done(false));
    socket.on('data', (data) => {
      said += data.toString();
      if (said.includes(greeting)) done(true);
    });
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** Resolves when our server greets; rejects if the master exits first (e.g. the port was taken meanwhile). */
async function waitUntilReady(child: ChildProcess, port: number, greeting: string, ms: number): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`dovecot exited with ${exited}`);
    if (await greets(port, greeting)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`dovecot did not greet on 127.0.0.1:${port} within ${ms} ms`);
}

/** Kills the whole process group: the master and every child it forked, at once (a SIGTERM takes Dovecot ~1 s). */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      resolve(); // already gone
    }
  });
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const users = options.users?.length ? options.users : [DEFAULT_USER];
  const first = users[0] as DovecotUser;
  const dir = await mkdtemp(join(tmpdir(), 'followthru-dovecot-'));
  const who = await accounts();
  await chmod(dir, 0o755); // the mail user must reach DIR/mail through it
  await mkdir(join(dir, 'mail'));
  await mkdir(join(dir, 'run'));
  if (process.getuid?.() === 0) await chown(join(dir, 'mail'), await idOf('-u', 'mail'), await idOf('-g', 'mail'));
  await writeFile(join(dir, 'users'), users.map((u) => `${u.user}:{PLAIN}${u.password}\n`).join(''));
  if (options.oauth2) {
    const lines = [
      `introspection_url = ${options.oauth2.introspectionUrl}`,
      'introspection_mode = post',
      'username_attribute = username',
      'active_attribute = active',
      'active_value = true',
      'tokeninfo_url =',
    ];
    await writeFile(join(dir, 'oauth2.conf.ext'), `${lines.join('\n')}\n`);
  }
  const conf = join(dir, 'dovecot.conf');
  const log = () => readFile(join(dir, 'run', 'dovecot.log'), 'utf8').catch(() => '');

  // The free port is only free until someone else takes it: on a lost race the master exits, so try again.
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    // A greeting of our own: whoever else might have taken the port in the meantime cannot pass for us.
    const greeting = `followthru-test-${basename(dir)}-${attempt}`;
    await writeFile(conf, dovecotConfig(dir, port, greeting, who, options));
    // detached: its own process group, so stop() reaches the children too.
    const candidate = spawn('dovecot', ['-F', '-c', conf], { stdio: 'ignore', detached: true });
    candidate.once('error', () => undefined); // ENOENT surfaces as an early exit below
    try {
      await waitUntilReady(candidate, port, greeting, 10_000);
      child = candidate;
    } catch (error) {
      await stopChild(candidate);
      if (attempt >= 5) {
        await rm(dir, { recursive: true, force: true });
        throw new Error(`${(error as Error).message}; is dovecot-imapd installed? Log:\n${await log()}`);
      }
    }
  }
  const master = child;
  // A test run that dies without afterAll must not leave a daemon behind.
  const onExit = () => void stopChild(master);
  process.once('exit', onExit);

  const doveadm = async (...args: string[]) => (await run('doveadm', ['-c', conf, ...args])).stdout;
  return {
    host: '127.0.0.1',
    port,
    user: first.user,
    password: first.password,
    users,
    dir,
    doveadm,
    async kick(user = first.user) {
      // Nobody connected is not an error here: a test may kick while its client is between connections.
      await doveadm('kick', user).catch((error: { stdout?: string }) => {
        if (!error.stdout?.includes('no users kicked')) throw error;
      });
    },
    async setUidValidity(mailbox, uidValidity, user = first.user) {
      await doveadm('mailbox', 'update', '-u', user, '--uid-validity', String(uidValidity), mailbox);
    },
    append: (mailbox, raw, user = first.user) =>
      new Promise((resolve, reject) => {
        const save = execFile('doveadm', ['-c', conf, 'save', '-u', user, '-m', mailbox], (error) =>
          error ? reject(error) : resolve(),
        );
        save.stdin?.end(raw);
      }),
    log,
    async stop() {
      process.removeListener('exit', onExit);
      await stopChild(master);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** openImap's options for this server's first account, over plaintext loopback. */
export function imapOptionsOf(dovecot: Pick<Dovecot, 'host' | 'port' | 'user' | 'password'>) {
  return {
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    allowInsecure: true,
    user: dovecot.user,
    password: dovecot.password,
  };
}
