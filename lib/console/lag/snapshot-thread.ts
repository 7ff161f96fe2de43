/**
 * The lag snapshot's own thread (ThreadedBuilder in builders.ts): its own admin client and connections, so a console busy
 * answering operators does not stretch the snapshot, and the snapshot's thousands of decodes do not stall their pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AdminClient, type CallObserver } from '../core/admin';
import { buildLagSnapshot, newSnapshotMemory, previousOf } from './snapshot';
import { toWire, type BuildRequest, type SnapshotThreadData, type ThreadMessage } from './snapshot-wire';
import type { SnapshotProgress } from './types';

const port = parentPort;
if (!port) throw new Error('snapshot-thread.ts runs as a worker thread only');
const { config, options } = workerData as SnapshotThreadData;
const send = (message: ThreadMessage) => port.postMessage(message);

// broker calls go to the main thread's metrics in batches: one message per call would cost more than the call
let calls: Array<Parameters<CallObserver>[0]> = [];
const flushCalls = () => {
  if (calls.length === 0) return;
  send({ kind: 'calls', calls });
  calls = [];
};
setInterval(flushCalls, 1000).unref();

const admin = new AdminClient(config, (call) => void calls.push(call));
const memory = newSnapshotMemory();

/** At most a few progress messages a second: the build reports every call. */
const PROGRESS_EVERY_MS = 200;

port.on('message', (request: BuildRequest) => {
  let sentAt = 0;
  const onProgress = (progress: SnapshotProgress) => {
    const now = Date.now();
    if (now - sentAt < PROGRESS_EVERY_MS && progress.done !== 0 && progress.done !== progress.total) return;
    sentAt = now;
    send({ kind: 'progress', id: request.id, progress });
  };
  buildLagSnapshot(admin, memory, options, onProgress).then(
    (snapshot) => {
      flushCalls();
      send({ kind: 'built', id: request.id, snapshot: toWire(snapshot), stalls: [...memory.stalls] });
      // sent (cloned): the main thread has it whole; this thread keeps what the next build compares with
      memory.previous = previousOf(snapshot);
    },
    (error: unknown) => send({ kind: 'failed', id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
