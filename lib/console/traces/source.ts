import { decodeTraceBody, type TraceRecord } from '../../rocketmq/trace-records';
import type { AdminClient } from '../core/admin';
import { NotFoundError } from '../core/errors';
import type { BrokerFailure } from '../core/fanout';
import { queryIndex } from '../messages/index-query';
import { goneFromRoute, routeTargets } from '../messages/targets';

/** One trace record with where its trace message came from. */
export interface TraceEntry {
  record: TraceRecord;
  /** IP of the client that wrote the trace message (its born host): mqadmin's "client host". */
  clientHost: string;
  /** brokerName holding the trace message. */
  brokerName: string;
  /** Store time of the trace message. */
  traceStoredAt: number;
}

export interface TraceRead {
  traceTopic: string;
  entries: TraceEntry[];
  /** Trace records that did not decode, as raw text. */
  skipped: string[];
  /** The limit of trace messages stopped the read. */
  more: boolean;
  failures: BrokerFailure[];
}

/** Most trace messages read for one lookup: a message consumed by many groups, with retries, has many. */
export const TRACE_MESSAGE_LIMIT = 2000;

/**
 * The trace records of the trace topic's messages indexed under `key`. A trace message is indexed under the msgId
 * and the keys of every message it traces (AsyncTraceDispatcher), so the key may be a msgId or a business key.
 * Several records of several messages share one trace message: callers pick the ones they want.
 */
export async function readTraceRecords(admin: AdminClient, key: string, window: { begin?: number; end?: number } = {}): Promise<TraceRead> {
  const traceTopic = admin.config.traceTopic;
  let targets;
  try {
    targets = await routeTargets(admin, traceTopic);
  } catch (error) {
    if (error instanceof NotFoundError) return { traceTopic, entries: [], skipped: [], more: false, failures: [] };
    throw error;
  }
  const gone = await goneFromRoute(admin, traceTopic, targets.map((t) => t.brokerName));
  const result = await queryIndex(
    admin,
    targets,
    { topic: traceTopic, key, begin: window.begin ?? 0, end: window.end ?? Date.now() + 24 * 3600_000, limit: TRACE_MESSAGE_LIMIT },
    admin.config.fanOutDeadlineMs * 2,
  );
  const entries: TraceEntry[] = [];
  const skipped: string[] = [];
  for (const { message, brokerName } of result.hits) {
    const decoded = decodeTraceBody(message.body);
    skipped.push(...decoded.skipped);
    const clientHost = message.bornHost.slice(0, message.bornHost.lastIndexOf(':'));
    for (const record of decoded.records) entries.push({ record, clientHost, brokerName, traceStoredAt: message.storeTimestamp });
  }
  return { traceTopic, entries, skipped, more: result.more, failures: [...result.failures, ...gone] };
}

/** The topic a Pub (or EndTransaction) trace record gives for a client msgId, when tracing is on. */
export async function topicOfTracedMessage(admin: AdminClient, msgId: string): Promise<{ topic?: string; failures: BrokerFailure[] }> {
  const read = await readTraceRecords(admin, msgId);
  for (const { record } of read.entries) {
    if ((record.type === 'Pub' || record.type === 'EndTransaction') && record.msgId === msgId) return { topic: record.topic, failures: read.failures };
  }
  return { failures: read.failures };
}
