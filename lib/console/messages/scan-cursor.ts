import { createHash } from 'node:crypto';
import { BadInputError } from '../core/errors';
import type { ScanParams } from './scan-params';

/**
 * Where a scan stopped, per queue: the next offset to read and the offset it stops before. The end offsets are
 * kept (not searched again) so a continuation covers exactly the range the first request resolved, however much
 * was written since. A queue whose offsets were never resolved (its broker failed) has neither.
 */
export interface QueuePosition {
  brokerName: string;
  queueId: number;
  next?: number;
  stop?: number;
}

export interface ScanCursor {
  /** Queues finished before this cursor was made (they count in queuesTotal, but are not kept). */
  done: number;
  queues: QueuePosition[];
}

/** Wire form: { v, f: fingerprint of the request, d: done, b: { brokerName: [[queueId, next, stop] | [queueId]] } }. */
interface WireCursor {
  v: 1;
  f: string;
  d: number;
  b: Record<string, Array<[number, number, number] | [number]>>;
}

/** Ties a cursor to the request that made it: continuing a different search would silently skip messages. */
export function requestFingerprint(p: Pick<ScanParams, 'topic' | 'begin' | 'end' | 'tag' | 'text'>): string {
  return createHash('sha256')
    .update(JSON.stringify([p.topic, p.begin, p.end, p.tag, p.text ?? '']))
    .digest('base64url')
    .slice(0, 16);
}

export function encodeCursor(params: ScanParams, cursor: ScanCursor): string {
  const b: WireCursor['b'] = {};
  for (const q of cursor.queues) {
    (b[q.brokerName] ??= []).push(q.next !== undefined && q.stop !== undefined ? [q.queueId, q.next, q.stop] : [q.queueId]);
  }
  const wire: WireCursor = { v: 1, f: requestFingerprint(params), d: cursor.done, b };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

const offset = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Reads a cursor back; anything that is not one this request made is bad input naming `cursor`. */
export function decodeCursor(params: ScanParams, text: string): ScanCursor {
  const bad = (why: string) => new BadInputError(`cursor ${why}; start the scan again without it`, 'cursor');
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw bad('is not base64url');
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad('does not decode');
  }
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) throw bad('does not decode');
  const w = wire as Partial<Record<keyof WireCursor, unknown>>;
  if (w.v !== 1) throw bad('has an unknown version');
  if (w.f !== requestFingerprint(params)) throw bad('belongs to a different search (topic, time range, tag or text changed)');
  if (!offset(w.d)) throw bad('has a bad done count');
  if (typeof w.b !== 'object' || w.b === null || Array.isArray(w.b)) throw bad('has no queues');
  const queues: QueuePosition[] = [];
  const seen = new Set<string>();
  for (const [brokerName, entries] of Object.entries(w.b as Record<string, unknown>)) {
    if (brokerName === '' || !Array.isArray(entries)) throw bad(`has a bad entry for broker "${brokerName}"`);
    for (const entry of entries as unknown[]) {
      if (!Array.isArray(entry) || !(entry.length === 1 || entry.length === 3) || !entry.every(offset)) throw bad(`has a bad queue of ${brokerName}`);
      const [queueId, next, stop] = entry as number[];
      if (next !== undefined && stop !== undefined && next > stop) throw bad(`has queue ${brokerName}/${queueId} past its end`);
      const key = `${brokerName}/${queueId}`;
      if (seen.has(key)) throw bad(`lists queue ${key} twice`);
      seen.add(key);
      queues.push({ brokerName, queueId: queueId!, ...(next !== undefined ? { next, stop } : {}) });
    }
  }
  return { done: w.d, queues };
}
