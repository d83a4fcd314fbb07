import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder in front of one port, for cutting one process off a server that others still
 * reach: `shut()` drops every connection through it and refuses new ones until `open()`.
 */
export class TcpGate {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private shutNow = false;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => this.forward(client));
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  shut(): void {
    this.shutNow = true;
    for (const socket of this.sockets) socket.destroy();
  }

  open(): void {
    this.shutNow = false;
  }

  async stop(): Promise<void> {
    this.shut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private forward(client: Socket): void {
    if (this.shutNow) {
      client.destroy();
      return;
    }
    const upstream = connect(this.targetPort, '127.0.0.1');
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        this.sockets.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
