/**
 * A TCP load balancer for tests, standing in for nginx's `stream` proxy in front of two team
 * server instances: each new connection goes to the next backend in turn, and a backend that
 * refuses the connection (a dead instance) is skipped, as nginx's passive health check does.
 */
import net from 'node:net';

export interface TcpBalancer {
  port: number;
  /** Which backend (index) each accepted connection went to, in order. */
  routed: number[];
  close(): Promise<void>;
}

export async function startTcpBalancer(backends: number[]): Promise<TcpBalancer> {
  let next = 0;
  const routed: number[] = [];
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= backends.length) return client.destroy();
      const index = next++ % backends.length;
      const upstream = net.connect(backends[index], '127.0.0.1');
      let connected = false;
      upstream.on('error', () => (connected ? client.destroy() : tryBackend(attempt + 1)));
      upstream.once('connect', () => {
        connected = true;
        routed.push(index);
        open.add(upstream);
        upstream.once('close', () => (open.delete(upstream), client.destroy()));
        client.once('close', () => upstream.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
