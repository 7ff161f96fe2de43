/**
 * Runs `decide` once the I/O that is already waiting has been handled. After the event loop was blocked (a busy
 * server start, a long synchronous job), a deadline's timer and the answer that arrived in time are both ready; the
 * loop runs timers before I/O, so without this the deadline would win and report a connection or a reply that is
 * already there as late.
 */
export function afterPendingIo(decide: () => void): void {
  setImmediate(decide);
}
