// Connections cut while connecting, and a server that says "too many connections": the daemon backs off (no
// tight loop), and once the server is reachable again it catches up, processing each mail once.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { openImap } from '../../src/source/imap.js';
import { listItems } from '../../src/store/index.js';
import { rawMail, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { recordFault } from './report.js';

const BACKOFF = { baseMs: 100, maxMs: 2_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('server limits and connect-time faults', () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
    const seed = await openImap(imapOptionsOf(dovecot));
    await seed.append(
      'Sent',
      rawMail({
        from: dovecot.user,
        to: 'Ann <ann@x.example>',
        subject: 'Quote',
        id: 'limits-1@x.example',
        date: 'Mon, 16 Nov 2026 09:00:00 -0600',
        body: "I'll send you the quote by Friday.",
      }),
    );
    await seed.close();
  });
  afterAll(() => dovecot?.stop());

  it('connections cut while connecting: backs off, then catches up once', async () => {
    const proxy = await startTcpProxy({ host: dovecot.host, port: dovecot.port });
    const t = await testApp({ ...dovecot, host: proxy.host, port: proxy.port });
    const stop = new AbortController();
    const cutting = setInterval(() => proxy.cut(), 2);
    const running = runDaemon(t.app, { signal: stop.signal, backoff: BACKOFF });
    await sleep(1_500);
    clearInterval(cutting);
    const during = proxy.connections;
    const end = Date.now() + 10_000;
    while (Date.now() < end && (await listItems(t.app.store, { kind: 'promise' })).length === 0) await sleep(100);
    stop.abort();
    await running;
    const items = await listItems(t.app.store, { kind: 'promise' });
    const retries = t.logs.filter((l) => l.includes('reconnecting')).length;
    recordFault({
      fault: 'connections cut during connect',
      injected: retries,
      expected: 1,
      found: items.length,
      duplicates: Math.max(0, items.length - 1),
      crashes: 0,
    });
    expect(retries).toBeGreaterThan(2);
    expect(during).toBeLessThan(40); // 1.5 s at ≥ 50 ms a try: never a tight loop
    expect(items).toHaveLength(1);
    await t.cleanup();
    await proxy.close();
  });

  it('"too many connections" at the greeting is throttling: the waits start long', async () => {
    let connections = 0;
    const busy: Server = createServer((socket) => {
      connections++;
      socket.end('* BYE [UNAVAILABLE] Too many connections from your IP, try again later\r\n');
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const t = await testApp({ ...dovecot, port: (busy.address() as AddressInfo).port });
    const stop = new AbortController();
    const running = runDaemon(t.app, { signal: stop.signal, backoff: BACKOFF });
    await sleep(2_000);
    stop.abort();
    await running;
    const kinds = t.logs
      .filter((l) => l.includes('reconnecting'))
      .map((l) => JSON.parse(l) as { kind: string; retryInMs: number });
    recordFault({
      fault: '"too many connections" at the greeting',
      injected: connections,
      expected: 0,
      found: 0,
      duplicates: 0,
      crashes: 0,
    });
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.map((k) => k.kind)).toEqual(kinds.map(() => 'throttle'));
    expect(connections).toBeLessThan(8);
    await t.cleanup();
    await new Promise((resolve) => busy.close(resolve));
  });
});
