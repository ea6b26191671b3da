/**
 * A TCP relay between the server and its database, to play an outage in tests: `kill()` drops every
 * connection and refuses new ones (a stopped database); `freeze()` accepts and never answers (a database
 * stopped with SIGSTOP); `resume()` relays again.
 */
import net from 'node:net';

export interface FreezableProxy {
  port: number;
  kill(): void;
  freeze(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startFreezableProxy(targetHost: string, targetPort: number): Promise<FreezableProxy> {
  let mode: 'relay' | 'frozen' | 'killed' = 'relay';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (mode === 'killed') {
      client.destroy();
      return;
    }
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (mode === 'frozen') return; // accepted, never answered
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk) => {
      if (mode === 'relay') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (mode === 'relay') client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    kill() {
      mode = 'killed';
      for (const socket of sockets) socket.destroy();
    },
    freeze() {
      mode = 'frozen';
    },
    resume() {
      mode = 'relay';
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
