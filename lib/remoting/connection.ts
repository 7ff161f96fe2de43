import net from 'node:net';
import { afterPendingIo } from './deadline';
import {
  DEFAULT_PROTOCOL_VERSION,
  FLAG_ONEWAY,
  FLAG_RESPONSE,
  isOneway,
  isResponse,
  type RemotingCommand,
  type RemotingRequest,
} from './command';
import {
  ConnectionClosedError,
  FrameTooLargeError,
  ProtocolError,
  RemotingConnectError,
  RemotingTimeoutError,
  type ConnectFailure,
  type RemotingError,
} from './errors';
import { DEFAULT_MAX_FRAME_BYTES, FrameSizeError, FrameSplitter, decodeFrame, encodeFrame } from './frame';
import type { RequestHook } from './sign';

export interface ConnectionOptions {
  connectTimeoutMs?: number;
  maxFrameBytes?: number;
  /** Called once when the socket is gone (closed by either side or failed). */
  onClose?: (connection: Connection) => void;
  /** Runs on every request just before it is framed: the ACL signature. */
  beforeRequest?: RequestHook;
}

interface Pending {
  resolve: (reply: RemotingCommand) => void;
  reject: (error: RemotingError) => void;
  timer: NodeJS.Timeout;
}

const REQUEST_CODE_NOT_SUPPORTED = 3;
const MAX_OPAQUE = 0x7fffffff;

/**
 * One TCP socket to a namesrv or broker. Requests are multiplexed by opaque; each has its own deadline, and its
 * pending entry is removed on answer, timeout or close, whichever comes first.
 */
export class Connection {
  private socket: net.Socket | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly splitter: FrameSplitter;
  private nextOpaque = 1;
  private corked = false;
  private closedWith: RemotingError | null = null;
  readonly host: string;
  readonly port: number;

  constructor(
    readonly addr: string,
    private readonly options: ConnectionOptions = {},
  ) {
    const [host, port] = parseAddr(addr);
    this.host = host;
    this.port = port;
    this.splitter = new FrameSplitter(options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  }

  get isOpen(): boolean {
    return this.socket !== null && this.closedWith === null;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  connect(timeoutMs = this.options.connectTimeoutMs ?? 3000): Promise<void> {
    if (this.socket) return Promise.reject(new Error(`${this.addr}: connect() called twice`));
    return new Promise((resolve, reject) => {
      const socket = net.createConnection({ host: this.host, port: this.port });
      this.socket = socket;
      socket.setNoDelay(true);
      let connected = false;
      const timer = setTimeout(
        () =>
          afterPendingIo(() => {
            if (connected) return;
            fail(new RemotingConnectError(this.addr, 'timeout', `no connection within ${timeoutMs} ms`));
            socket.destroy();
          }),
        timeoutMs,
      );
      const fail = (error: RemotingError) => {
        clearTimeout(timer);
        this.shutdown(error);
        reject(error);
      };
      socket.once('connect', () => {
        connected = true;
        clearTimeout(timer);
        resolve();
      });
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (!connected) fail(new RemotingConnectError(this.addr, connectFailure(error), error.message));
        else this.shutdown(new ConnectionClosedError(this.addr, `socket error: ${error.message}`));
      });
      socket.on('close', () => {
        if (!connected) fail(new RemotingConnectError(this.addr, 'other', 'closed before connecting'));
        else this.shutdown(new ConnectionClosedError(this.addr));
      });
    });
  }

  /** Sends a request and resolves with the reply, whatever its response code (callers decide what is an error). */
  request(request: RemotingRequest, timeoutMs: number): Promise<RemotingCommand> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const socket = this.socket;
    if (!socket) return Promise.reject(new ConnectionClosedError(this.addr, 'not connected'));
    const opaque = this.takeOpaque();
    return new Promise<RemotingCommand>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          afterPendingIo(() => {
            if (this.pending.delete(opaque)) reject(new RemotingTimeoutError(this.addr, request.code, timeoutMs));
          }),
        timeoutMs,
      );
      this.pending.set(opaque, { resolve, reject, timer });
      this.write(socket, this.encode(request, opaque, 0));
    });
  }

  /** Requests issued in the same tick leave in one write (one syscall) instead of one each. */
  private write(socket: net.Socket, frame: Buffer): void {
    if (!this.corked) {
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    socket.write(frame);
  }

  /** Fire and forget (flag bit 1): the peer sends no reply. */
  oneway(request: RemotingRequest): void {
    if (!this.socket || this.closedWith) throw this.closedWith ?? new ConnectionClosedError(this.addr, 'not connected');
    this.write(this.socket, this.encode(request, this.takeOpaque(), FLAG_ONEWAY));
  }

  close(): void {
    this.shutdown(new ConnectionClosedError(this.addr, 'closed by the console'));
  }

  private encode(original: RemotingRequest, opaque: number, flag: number): Buffer {
    const request = this.options.beforeRequest ? this.options.beforeRequest(original) : original;
    return encodeFrame({
      code: request.code,
      language: 'JAVA',
      version: request.version ?? DEFAULT_PROTOCOL_VERSION,
      opaque,
      flag,
      extFields: request.extFields ?? {},
      body: request.body,
    });
  }

  private takeOpaque(): number {
    const opaque = this.nextOpaque;
    this.nextOpaque = opaque >= MAX_OPAQUE ? 1 : opaque + 1;
    return opaque;
  }

  private onData(chunk: Buffer): void {
    try {
      this.splitter.push(chunk, (frame) => this.onFrame(decodeFrame(frame)));
    } catch (error) {
      if (error instanceof FrameSizeError) {
        this.shutdown(new FrameTooLargeError(this.addr, error.size, error.max));
      } else {
        this.shutdown(new ProtocolError(`${this.addr} sent an undecodable frame: ${(error as Error).message}`, this.addr));
      }
    }
  }

  private onFrame(command: RemotingCommand): void {
    if (isResponse(command)) {
      const entry = this.pending.get(command.opaque);
      if (!entry) return; // the request already timed out
      this.pending.delete(command.opaque);
      clearTimeout(entry.timer);
      entry.resolve(command);
      return;
    }
    // A server->client request: admin connections register no client, so none is expected; say so politely.
    if (!isOneway(command) && this.socket) {
      this.socket.write(
        encodeFrame({
          code: REQUEST_CODE_NOT_SUPPORTED,
          language: 'JAVA',
          version: DEFAULT_PROTOCOL_VERSION,
          opaque: command.opaque,
          flag: FLAG_RESPONSE,
          remark: `request code ${command.code} not supported by this admin client`,
          extFields: {},
        }),
      );
    }
  }

  private shutdown(reason: RemotingError): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    for (const [opaque, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.pending.delete(opaque);
      entry.reject(reason);
    }
    this.socket?.destroy();
    this.options.onClose?.(this);
  }
}

function connectFailure(error: NodeJS.ErrnoException): ConnectFailure {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unreachable';
    default:
      return 'other';
  }
}

export function parseAddr(addr: string): [string, number] {
  const colon = addr.lastIndexOf(':');
  const host = colon > 0 ? addr.slice(0, colon) : '';
  const port = Number(addr.slice(colon + 1));
  if (!host || !Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new RangeError(`not a host:port address: ${addr}`);
  }
  return [host.replace(/^\[(.*)\]$/, '$1'), port];
}
