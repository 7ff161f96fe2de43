import { Worker } from 'node:worker_threads';
import type { AdminClient, CallObserver } from '../core/admin';
import type { ClusterConfig } from '../core/config';
import { buildLagSnapshot, newSnapshotMemory, type QueueStall, type SnapshotMemory, type SnapshotOptions } from './snapshot';
import { fromWire, type SnapshotThreadData, type ThreadMessage } from './snapshot-wire';
import { StoreTimeCache } from './store-times';
import type { LagSnapshot, SnapshotProgress } from './types';

/** Builds one snapshot after another, keeping what a build carries to the next (previous snapshot, stalls). */
export interface SnapshotBuilder {
  build(): Promise<LagSnapshot>;
  /** The stall of a queue (stallKey) as of the last build. */
  stall(key: string): QueueStall | undefined;
  /** Store times the group page may reuse. */
  readonly storeTimes: StoreTimeCache;
  /** Where the running build is; undefined between builds. */
  readonly progress?: SnapshotProgress;
  close(): void;
}

/** On the caller's thread, with the console's own admin client: tests, the CLI and the bench. */
export class InProcessBuilder implements SnapshotBuilder {
  private readonly memory: SnapshotMemory = newSnapshotMemory();
  progress: SnapshotProgress | undefined;

  constructor(
    private readonly admin: AdminClient,
    private readonly options: SnapshotOptions,
  ) {}

  get storeTimes(): StoreTimeCache {
    return this.memory.storeTimes;
  }

  async build(): Promise<LagSnapshot> {
    try {
      const snapshot = await buildLagSnapshot(this.admin, this.memory, this.options, (progress) => {
        this.progress = progress;
      });
      this.memory.previous = snapshot;
      return snapshot;
    } finally {
      this.progress = undefined;
    }
  }

  stall(key: string): QueueStall | undefined {
    return this.memory.stalls.get(key);
  }

  close(): void {}
}

/**
 * In a worker thread of its own (snapshot-thread.ts), with its own connections: the server's builder. On one event
 * loop, 50 operators' requests stretched a 10,000-group snapshot from 3.6 s to 29 s, because each of its thousands of
 * broker calls waited behind their work; a thread of its own waits for nobody. A thread that dies fails the build it
 * was doing and is started again for the next.
 */
export class ThreadedBuilder implements SnapshotBuilder {
  readonly storeTimes = new StoreTimeCache();
  progress: SnapshotProgress | undefined;
  private worker: Worker | undefined;
  private stalls = new Map<string, QueueStall>();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (s: LagSnapshot) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly config: ClusterConfig,
    private readonly options: SnapshotOptions,
    private readonly onCall?: CallObserver,
    /** How the thread starts: the bundled entry by default; tests run it from TypeScript source. */
    private readonly spawn: (workerData: SnapshotThreadData) => Worker = spawnSnapshotThread,
  ) {}

  build(): Promise<LagSnapshot> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<LagSnapshot>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id });
    });
  }

  stall(key: string): QueueStall | undefined {
    return this.stalls.get(key);
  }

  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.failAll('the lag snapshot thread was stopped');
  }

  private start(): Worker {
    const worker = this.spawn({ config: this.config, options: this.options });
    worker.unref(); // the server's lifetime is the process's; a test's ends with close()
    worker.on('message', (message: ThreadMessage) => this.receive(message));
    worker.on('error', (error) => this.lost(worker, `the lag snapshot thread failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `the lag snapshot thread exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private receive(message: ThreadMessage): void {
    if (message.kind === 'calls') {
      for (const call of message.calls) this.onCall?.(call);
      return;
    }
    if (message.kind === 'progress') {
      if (this.pending.has(message.id)) this.progress = message.progress;
      return;
    }
    const waiting = this.pending.get(message.id);
    this.pending.delete(message.id);
    this.progress = undefined;
    if (message.kind === 'failed') return waiting?.reject(new Error(message.error));
    this.stalls = new Map(message.stalls);
    waiting?.resolve(fromWire(message.snapshot));
  }

  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(why);
  }

  private failAll(why: string): void {
    this.progress = undefined;
    for (const { reject } of this.pending.values()) reject(new Error(why));
    this.pending.clear();
  }
}

/** The server's build (Turbopack, `next build` and `next dev`) bundles the thread's entry from this form. */
function spawnSnapshotThread(workerData: SnapshotThreadData): Worker {
  return new Worker(new URL('./snapshot-thread.ts', import.meta.url), { workerData });
}
