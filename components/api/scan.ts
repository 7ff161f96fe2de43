'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanCounters, ScanDoneReason, ScanEvent, ScannedMessage } from '@/lib/console/messages/scan';
import { api } from '../paths';
import { ApiError } from './client';
import { errorOf, ndjsonLines } from './ndjson';
import type { BrokerFailureView } from '../ui/states';

export interface RangeScanQuery {
  topic: string;
  begin: number;
  end: number;
  tag: string;
  text: string;
  limit: number;
}

export interface RangeScanState {
  status: 'idle' | 'running' | 'done' | 'error';
  messages: ScannedMessage[];
  failures: BrokerFailureView[];
  counters?: ScanCounters;
  /** Why the last request ended; `cancelled` also when the operator pressed Cancel. */
  reason?: ScanDoneReason;
  /** Continues the scan where it stopped (the last one the server sent, even before a cancel). */
  cursor?: string;
  error?: ApiError;
  /** When the current request started (browser clock), for the elapsed time. */
  startedAt?: number;
  /** Requests made for this search: 1, then +1 per Continue. */
  requests: number;
}

const IDLE: RangeScanState = { status: 'idle', messages: [], failures: [], requests: 0 };
/** Rows reach React at most this often: a fast scan sends hundreds of batches a second. */
const FLUSH_MS = 100;

function url(cluster: string, q: RangeScanQuery, cursor?: string): string {
  const qs = new URLSearchParams({ begin: String(q.begin), end: String(q.end), limit: String(q.limit) });
  if (q.tag.trim()) qs.set('tag', q.tag.trim());
  if (q.text.trim()) qs.set('text', q.text.trim());
  if (cursor) qs.set('cursor', cursor);
  return `${api(cluster)}/topics/${encodeURIComponent(q.topic)}/messages?${qs}`;
}

/**
 * Runs a time-range scan against the streaming API: rows arrive while it runs, Cancel aborts the request (the server
 * stops with it), Continue sends the last cursor for the rest. Rows seen twice (a cancel between a batch and its
 * cursor) are dropped by offsetMsgId.
 */
export function useRangeScan(cluster: string) {
  const [state, setShared] = useState<RangeScanState>(IDLE);
  const controller = useRef<AbortController | undefined>(undefined);
  const query = useRef<RangeScanQuery | undefined>(undefined);
  const seen = useRef(new Set<string>());

  /** `append` keeps the rows so far: a continuation, or a cancelled scan started again before it sent a cursor. */
  const run = useCallback(async (q: RangeScanQuery, cursor?: string, append = cursor !== undefined) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    query.current = q;
    if (!append) seen.current = new Set();
    // a request replaced by a newer one (or by React's double mount in development) no longer touches the state
    const setState = (update: (s: RangeScanState) => RangeScanState) => {
      if (controller.current === abort) setShared(update);
    };
    setState((s) => ({
      ...(append ? s : IDLE),
      status: 'running',
      reason: undefined,
      error: undefined,
      counters: undefined,
      cursor: undefined,
      failures: append ? s.failures : [],
      startedAt: Date.now(),
      requests: (append ? s.requests : 0) + 1,
    }));
    let pending: ScannedMessage[] = [];
    let lastCursor: string | undefined = cursor;
    const flush = () => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      setState((s) => ({ ...s, messages: [...s.messages, ...rows] }));
    };
    const timer = setInterval(flush, FLUSH_MS);
    try {
      const response = await fetch(url(cluster, q, cursor), { signal: abort.signal, headers: { accept: 'application/x-ndjson' } });
      if (!response.ok || !response.body) throw await errorOf(response);
      let finished = false;
      for await (const line of ndjsonLines(response.body)) {
        const event = JSON.parse(line) as ScanEvent;
        switch (event.type) {
          case 'messages':
            for (const m of event.messages) {
              if (seen.current.has(m.offsetMsgId)) continue;
              seen.current.add(m.offsetMsgId);
              pending.push(m);
            }
            break;
          case 'failure':
            setState((s) => ({ ...s, failures: [...s.failures.filter((f) => f.brokerName !== event.brokerName), { brokerName: event.brokerName, addr: event.addr, error: event.error }] }));
            break;
          case 'start':
          case 'progress': {
            const { type: _type, ...rest } = event;
            const counters: ScanCounters = { queuesDone: rest.queuesDone, queuesTotal: rest.queuesTotal, scanned: rest.scanned, matched: rest.matched, inRange: rest.inRange, elapsedMs: rest.elapsedMs };
            if (event.type === 'progress') lastCursor = event.cursor;
            setState((s) => ({ ...s, counters }));
            break;
          }
          case 'done': {
            finished = true;
            flush();
            const { type: _type, reason, cursor: next, ...counters } = event;
            setState((s) => ({ ...s, status: 'done', reason, cursor: next, counters }));
            break;
          }
        }
      }
      if (!finished) throw new ApiError(0, 'stream_cut', 'the scan stopped before it finished (the connection to the console dropped)');
    } catch (error) {
      flush();
      if (abort.signal.aborted) {
        // Cancel: what arrived stays; the last cursor continues after it
        setState((s) => ({ ...s, status: 'done', reason: 'cancelled', cursor: lastCursor }));
      } else {
        const e = error instanceof ApiError ? error : new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
        setState((s) => ({ ...s, status: 'error', error: e, cursor: lastCursor }));
      }
    } finally {
      clearInterval(timer);
      if (controller.current === abort) controller.current = undefined;
    }
  }, [cluster]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const continueScan = useCallback(() => {
    if (query.current && (state.cursor || state.reason === 'cancelled')) void run(query.current, state.cursor, true);
  }, [run, state.cursor, state.reason]);

  useEffect(() => () => controller.current?.abort(), []);
  return { state, run, cancel, continueScan };
}
