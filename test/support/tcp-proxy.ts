// A tiny TCP proxy in front of a test server, for faults the server itself will not make: `silence()` keeps every
// connection open but drops all bytes both ways (a dead NAT entry, a laptop lid closed mid-IDLE), `cut()` resets them,
// `trickle()` passes the server's bytes on one at a time, far apart (a server that is slow, never silent).
import { createServer, type Server, Socket } from 'node:net';

export interface TcpProxy {
  host: string;
  port: number;
  /** Stop forwarding (bytes are dropped, sockets stay open); new connections hang too. */
  silence(): void;
  /** Forward again (ends trickling too; bytes held back by trickle are delivered). */
  resume(): void;
  /**
   * From now on the server's bytes reach the client one every `intervalMs` (the client's reach the server at once).
   * With `when`, only on a connection once its client sends bytes that match (e.g. /STATUS/: the sync's session).
   */
  trickle(intervalMs?: number, when?: RegExp): void;
  /** Destroy every open connection, as a network reset would. */
  cut(): void;
  /** Connections seen so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let silent = false;
  let trickleMs: number | null = null;
  let trickleWhen: RegExp | null = null;
  const trickling = new Set<Socket>(); // clients whose connection matched trickleWhen
  let connections = 0;
  const open = new Set<Socket>();
  const held = new Map<Socket, Buffer>(); // per client: the server's bytes not yet passed on
  let dripper: NodeJS.Timeout | undefined;
  const flushHeld = (all: boolean) => {
    for (const [client, bytes] of held) {
      if (client.destroyed || bytes.length === 0) continue;
      const n = all || !slowed(client) ? bytes.length : 1;
      client.write(bytes.subarray(0, n));
      held.set(client, bytes.subarray(n));
    }
  };
  const slowed = (client: Socket) => trickleMs !== null && (trickleWhen === null || trickling.has(client));
  const forward = (from: Socket, to: Socket, toClient: boolean) => {
    from.on('data', (chunk: Buffer) => {
      if (silent || to.destroyed) return;
      if (!toClient && trickleWhen?.test(chunk.toString('latin1'))) trickling.add(from);
      if (toClient && (slowed(to) || (held.get(to)?.length ?? 0) > 0))
        held.set(to, Buffer.concat([held.get(to) ?? Buffer.alloc(0), chunk]));
      else to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    connections++;
    const upstream = new Socket();
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => {
        open.delete(socket);
        held.delete(socket);
        trickling.delete(socket);
      });
    }
    forward(client, upstream, false);
    forward(upstream, client, true);
    upstream.connect(target.port, target.host);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    silence: () => void (silent = true),
    resume: () => {
      silent = false;
      trickleMs = null;
      trickleWhen = null;
      trickling.clear();
      clearInterval(dripper);
      flushHeld(true);
    },
    trickle: (intervalMs = 20_000, when?: RegExp) => {
      trickleMs = intervalMs;
      trickleWhen = when ?? null;
      clearInterval(dripper);
      dripper = setInterval(() => flushHeld(false), intervalMs);
      dripper.unref();
    },
    cut: () => open.forEach((socket) => socket.destroy()),
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(dripper);
        open.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
