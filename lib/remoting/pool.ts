import type { RemotingCommand, RemotingRequest } from './command';
import { Connection, type ConnectionOptions } from './connection';
import { RemotingConnectError, RemotingTimeoutError } from './errors';

export interface PoolOptions extends Omit<ConnectionOptions, 'onClose'> {
  /** After a failed connect, fail fast with the same error for this long instead of dialing again. */
  retryAfterFailureMs?: number;
}

export interface InvokeOptions {
  /** Deadline for the whole call, connecting included. */
  timeoutMs: number;
}

/**
 * One socket per address, connected on first use and replaced once closed. Connects to the same address share
 * one attempt. The connect time counts against the request's deadline.
 */
export class ConnectionPool {
  private readonly connections = new Map<string, Connection>();
  private readonly connecting = new Map<string, Promise<Connection>>();
  private readonly failures = new Map<string, { at: number; error: RemotingConnectError }>();
  private closed = false;

  constructor(private readonly options: PoolOptions = {}) {}

  async invoke(addr: string, request: RemotingRequest, { timeoutMs }: InvokeOptions): Promise<RemotingCommand> {
    const started = Date.now();
    const connection = await this.get(addr, timeoutMs);
    const left = timeoutMs - (Date.now() - started);
    if (left <= 0) throw new RemotingTimeoutError(addr, request.code, timeoutMs);
    return connection.request(request, left);
  }

  /** An open connection to addr, dialing if needed (within timeoutMs, capped by connectTimeoutMs). */
  async get(addr: string, timeoutMs = this.options.connectTimeoutMs ?? 3000): Promise<Connection> {
    if (this.closed) throw new Error('connection pool is closed');
    const existing = this.connections.get(addr);
    if (existing?.isOpen) return existing;
    const inFlight = this.connecting.get(addr);
    if (inFlight) return inFlight;
    const failure = this.failures.get(addr);
    if (failure && Date.now() - failure.at < (this.options.retryAfterFailureMs ?? 1000)) throw failure.error;

    const connection = new Connection(addr, {
      ...this.options,
      onClose: (c) => {
        if (this.connections.get(addr) === c) this.connections.delete(addr);
      },
    });
    const attempt = connection
      .connect(Math.min(timeoutMs, this.options.connectTimeoutMs ?? 3000))
      .then(() => {
        this.failures.delete(addr);
        if (this.closed) {
          connection.close();
          throw new Error('connection pool is closed');
        }
        this.connections.set(addr, connection);
        return connection;
      })
      .catch((error: unknown) => {
        if (error instanceof RemotingConnectError) this.failures.set(addr, { at: Date.now(), error });
        throw error;
      })
      .finally(() => this.connecting.delete(addr));
    this.connecting.set(addr, attempt);
    return attempt;
  }

  /** Addresses with an open socket (for metrics and tests). */
  openAddresses(): string[] {
    return [...this.connections.entries()].filter(([, c]) => c.isOpen).map(([addr]) => addr);
  }

  close(): void {
    this.closed = true;
    for (const connection of this.connections.values()) connection.close();
    this.connections.clear();
  }
}
