import { createConnection, type Socket } from 'node:net';

// One TCP connection spoken to by hand: a keep-alive connection held open, or a request whose
// body arrives slowly, which fetch cannot do.

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class RawConnection {
  private received = '';
  private waiters: (() => void)[] = [];
  /** Resolves with the time the server closed the connection. */
  readonly closed: Promise<number>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.toString('utf8');
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve(Date.now());
      }),
    );
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  write(text: string): void {
    this.socket.write(text);
  }

  /** The next complete response (Content-Length bodies only), or an error if the connection closes first. */
  async response(timeoutMs = 60_000): Promise<RawResponse> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = this.takeResponse();
      if (parsed) return parsed;
      if (this.socket.destroyed || this.socket.readableEnded) throw new Error(`the connection closed before a whole response arrived: ${JSON.stringify(this.received)}`);
      if (Date.now() > deadline) throw new Error(`no response within ${timeoutMs} ms: ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private takeResponse(): RawResponse | undefined {
    const end = this.received.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...headerLines] = this.received.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = end + 4;
    if (Buffer.byteLength(this.received.slice(bodyStart)) < length) return undefined;
    const body = this.received.slice(bodyStart, bodyStart + length);
    this.received = this.received.slice(bodyStart + length);
    return { status: Number(statusLine.split(' ')[1]), headers, body };
  }
}
