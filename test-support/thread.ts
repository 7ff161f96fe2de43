/**
 * Test support: a worker thread whose entry is TypeScript source. The server's bundle compiles the entry; under vitest
 * there is no bundle, so the thread registers tsx (tsx-thread.mjs) before it imports its entry.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function tsxWorker(entry: string, workerData: unknown): Worker {
  return new Worker(new URL('./tsx-thread.mjs', import.meta.url), { workerData, argv: [pathToFileURL(entry).href] });
}
