import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection, parseAddr } from './connection';
import { ConnectionClosedError, FrameTooLargeError, ProtocolError, RemotingConnectError, RemotingTimeoutError } from './errors';
import { decodeFrame, encodeFrame, FrameSplitter } from './frame';
import { ConnectionPool } from './pool';

// These tests exercise our TCP handling with plain loopback sockets (a peer that stays silent, one that hangs up,
// one that sends too much). RocketMQ's answers themselves are covered by recorded fixtures and live tests.
const servers: net.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function peer(onSocket: (socket: net.Socket) => void): Promise<string> {
  const server = net.createServer(onSocket);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as net.AddressInfo).port}`)));
}

function unusedPort(): Promise<number> {
  const s = net.createServer();
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => {
    const port = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(port));
  }));
}

/** Keeps the event loop busy: what a server start or a long synchronous job does to the deadlines. */
function blockLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

/** A peer that answers every request at once with an empty success, and says when an answer has left. */
async function echoPeer(): Promise<{ addr: string; answered: Promise<void> }> {
  let sent!: () => void;
  const answered = new Promise<void>((resolve) => (sent = resolve));
  const addr = await peer((socket) => {
    const splitter = new FrameSplitter();
    socket.on('data', (chunk) =>
      splitter.push(chunk, (frame) => {
        const request = decodeFrame(frame);
        socket.write(encodeFrame({ code: 0, language: 'JAVA', version: 0, opaque: request.opaque, flag: 1, extFields: {} }), () => sent());
      }),
    );
  });
  return { addr, answered };
}

describe('Connection', () => {
  it('counts a connection made while the event loop was blocked past the deadline as made, not as late', async () => {
    const addr = await peer(() => undefined);
    const connection = new Connection(addr);
    const connecting = connection.connect(50);
    blockLoop(200);
    await expect(connecting).resolves.toBeUndefined();
    connection.close();
  });

  it('takes a reply that arrived while the event loop was blocked past the deadline', async () => {
    const { addr, answered: replySent } = await echoPeer();
    const connection = new Connection(addr);
    await connection.connect();
    const answered = connection.request({ code: 28 }, 50);
    // the reply is on its way (in the socket's buffer) when the loop gets busy past the request's deadline
    await replySent;
    blockLoop(200);
    await expect(answered).resolves.toMatchObject({ code: 0 });
    connection.close();
  });

  it('times a request out at its deadline and leaves no pending entry', async () => {
    const addr = await peer(() => undefined);
    const connection = new Connection(addr);
    await connection.connect();
    const started = Date.now();
    await expect(connection.request({ code: 28 }, 150)).rejects.toBeInstanceOf(RemotingTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(connection.pendingCount).toBe(0);
    connection.close();
  });

  it('fails every pending request when the peer closes, and cleans them up', async () => {
    let peerSocket: net.Socket | undefined;
    const addr = await peer((s) => { peerSocket = s; });
    const connection = new Connection(addr);
    await connection.connect();
    const pending = [1, 2, 3].map(() => connection.request({ code: 28 }, 10_000));
    await new Promise((r) => setTimeout(r, 50));
    expect(connection.pendingCount).toBe(3);
    peerSocket!.destroy();
    for (const p of pending) await expect(p).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(connection.pendingCount).toBe(0);
    expect(connection.isOpen).toBe(false);
    await expect(connection.request({ code: 28 }, 100)).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('fails pending requests when closed locally', async () => {
    const addr = await peer(() => undefined);
    const connection = new Connection(addr);
    await connection.connect();
    const pending = connection.request({ code: 28 }, 10_000);
    connection.close();
    await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(connection.pendingCount).toBe(0);
  });

  it('reports a refused connection as its own kind', async () => {
    const port = await unusedPort();
    const error = await new Connection(`127.0.0.1:${port}`).connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingConnectError);
    expect((error as RemotingConnectError).reason).toBe('refused');
  });

  it('closes the socket on a frame above the size cap', async () => {
    const addr = await peer((s) => {
      const header = Buffer.alloc(8);
      header.writeInt32BE(64 * 1024 * 1024, 0);
      s.on('data', () => s.write(header));
    });
    const connection = new Connection(addr, { maxFrameBytes: 1024 * 1024 });
    await connection.connect();
    await expect(connection.request({ code: 28 }, 2000)).rejects.toBeInstanceOf(FrameTooLargeError);
    expect(connection.isOpen).toBe(false);
  });

  it('parses host:port addresses', () => {
    expect(parseAddr('127.0.0.1:10911')).toEqual(['127.0.0.1', 10911]);
    expect(parseAddr('[::1]:9876')).toEqual(['::1', 9876]);
    expect(() => parseAddr('nohost')).toThrow(RangeError);
  });
});

describe('ConnectionPool', () => {
  it('opens one socket per address, lazily, and shares a connect in progress', async () => {
    let accepted = 0;
    const addr = await peer(() => { accepted++; });
    const pool = new ConnectionPool();
    expect(pool.openAddresses()).toEqual([]);
    const [a, b] = await Promise.all([pool.get(addr), pool.get(addr)]);
    expect(a).toBe(b);
    expect(await pool.get(addr)).toBe(a);
    await new Promise((r) => setTimeout(r, 20));
    expect(accepted).toBe(1);
    pool.close();
  });

  it('reconnects after the peer closed the socket', async () => {
    const sockets: net.Socket[] = [];
    const addr = await peer((s) => sockets.push(s));
    const pool = new ConnectionPool();
    const first = await pool.get(addr);
    await new Promise((r) => setTimeout(r, 20));
    sockets[0]!.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const second = await pool.get(addr);
    expect(second).not.toBe(first);
    expect(second.isOpen).toBe(true);
    pool.close();
  });

  it.each([
    ['a header that is not JSON', () => Buffer.concat([Buffer.from([0, 0, 0, 12, 0, 0, 0, 8]), Buffer.from('not-json')]), ProtocolError],
    ['a header length past the frame', () => Buffer.from([0, 0, 0, 8, 0, 0x7f, 0xff, 0xff, 0, 0, 0, 0]), ProtocolError],
    ['an unknown serialize type', () => Buffer.from([0, 0, 0, 8, 9, 0, 0, 0, 0, 0, 0, 0]), ProtocolError],
    ['a length field at 2^31-1', () => Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3, 4]), FrameTooLargeError],
  ])('on %s: the call fails with a typed error, the socket closes, and the pool serves the next call on a new one', async (_what, garbage, kind) => {
    let connections = 0;
    const addr = await peer((socket) => {
      const first = ++connections === 1;
      const splitter = new FrameSplitter();
      socket.on('data', (chunk) =>
        splitter.push(chunk, (frame) => {
          const request = decodeFrame(frame);
          socket.write(first ? garbage() : encodeFrame({ code: 0, language: 'JAVA', version: 0, opaque: request.opaque, flag: 1, extFields: {} }));
        }),
      );
    });
    const pool = new ConnectionPool({ maxFrameBytes: 1024 * 1024 });
    try {
      await expect(pool.invoke(addr, { code: 28 }, { timeoutMs: 2000 })).rejects.toBeInstanceOf(kind);
      await expect(pool.invoke(addr, { code: 28 }, { timeoutMs: 2000 })).resolves.toMatchObject({ code: 0 });
      expect(connections).toBe(2);
    } finally {
      pool.close();
    }
  });

  it('fails fast for a while after a refused connect', async () => {
    const port = await unusedPort();
    const pool = new ConnectionPool({ retryAfterFailureMs: 60_000 });
    const first = await pool.get(`127.0.0.1:${port}`).catch((e: unknown) => e);
    const second = await pool.get(`127.0.0.1:${port}`).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RemotingConnectError);
    expect(second).toBe(first);
    pool.close();
  });

  it('counts the connect time against the request deadline', async () => {
    const addr = await peer(() => undefined);
    const pool = new ConnectionPool();
    await expect(pool.invoke(addr, { code: 28 }, { timeoutMs: 100 })).rejects.toBeInstanceOf(RemotingTimeoutError);
    pool.close();
  });
});
