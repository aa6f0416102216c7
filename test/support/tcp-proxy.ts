// A tiny TCP proxy in front of a test server, for faults the server itself will not make: `silence()` keeps every
// connection open but drops all bytes both ways (a dead NAT entry, a laptop lid closed mid-IDLE), `cut()` resets them.
import { createServer, type Server, Socket } from 'node:net';

export interface TcpProxy {
  host: string;
  port: number;
  /** Stop forwarding (bytes are dropped, sockets stay open); new connections hang too. */
  silence(): void;
  /** Forward again. */
  resume(): void;
  /** Destroy every open connection, as a network reset would. */
  cut(): void;
  /** Connections seen so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let silent = false;
  let connections = 0;
  const open = new Set<Socket>();
  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      if (!silent && !to.destroyed) to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    connections++;
    const upstream = new Socket();
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
    upstream.connect(target.port, target.host);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    silence: () => void (silent = true),
    resume: () => void (silent = false),
    cut: () => open.forEach((socket) => socket.destroy()),
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        open.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
