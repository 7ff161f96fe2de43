import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { decodeStoredMessages, type StoredMessage } from '../stored-message';

/**
 * QUERY_MESSAGE (12) at one broker: the messages of a topic whose index key matches, stored within a time window.
 * Each node keeps its own index, so ask every brokerName of the topic's route (its master, else a replica) and merge.
 * The index is a hash table: collisions bring back other messages, so keep only those for which matchesKey holds.
 * A miss is code 22, answered here as an empty result.
 */

/** The broker caps maxNum at maxMsgsNumBatch (64 by default). */
export const MAX_QUERY_NUM = 64;
/** A unique-key query is forced to defaultQueryMaxNum (32 by default), whatever maxNum says. */
export const UNIQUE_KEY_QUERY_NUM = 32;

export interface QueryMessageParams {
  topic: string;
  /** A KEYS entry, or a client msgId (UNIQ_KEY) when uniqueKey is set. */
  key: string;
  maxNum?: number;
  /** Store-time window, ms; defaults 0 .. now. */
  beginTimestamp?: number;
  endTimestamp?: number;
  /** Look the key up as a UNIQ_KEY (the broker then ignores maxNum). */
  uniqueKey?: boolean;
}

export interface QueryMessageResult {
  messages: StoredMessage[];
  /** Store time of the last message the index covers, 0 without one; a newer message may not be indexed yet. */
  indexLastUpdateTimestamp: number;
  /** Commit-log offset of that message. */
  indexLastUpdatePhyoffset: number;
}

export function queryMessageRequest(params: QueryMessageParams): RemotingRequest {
  return {
    code: RequestCode.QUERY_MESSAGE,
    extFields: extFields({
      topic: params.topic,
      key: params.key,
      maxNum: params.maxNum ?? MAX_QUERY_NUM,
      beginTimestamp: params.beginTimestamp ?? 0,
      endTimestamp: params.endTimestamp ?? Date.now(),
      // always sent: brokers read a missing flag as false, ACL signers differ on whether it is signed (sheet §7)
      _UNIQUE_KEY_QUERY: params.uniqueKey ? 'true' : 'false',
    }),
    // a 4.9 broker leaves the flag out of its signature check, a 5.x one only at version <= 399 (V4_9_3): so both agree
    version: 399,
    unsignedFields: ['_UNIQUE_KEY_QUERY'],
  };
}

export function decodeQueryMessage(reply: RemotingCommand, addr = ''): QueryMessageResult {
  expectCode(reply, addr, RequestCode.QUERY_MESSAGE, ResponseCode.QUERY_NOT_FOUND);
  return {
    messages: reply.code === ResponseCode.QUERY_NOT_FOUND || !reply.body ? [] : decodeStoredMessages(reply.body),
    // the broker sends both headers with a miss too
    indexLastUpdateTimestamp: Number(reply.extFields.indexLastUpdateTimestamp ?? 0),
    indexLastUpdatePhyoffset: Number(reply.extFields.indexLastUpdatePhyoffset ?? 0),
  };
}

/**
 * Whether a message the index returned really has the key (MQAdminImpl.queryMessage): a unique-key query wants its
 * msgId (UNIQ_KEY, else the offset msgId); a key query wants one of its KEYS, and the topic when given.
 */
export function matchesKey(message: StoredMessage, key: string, uniqueKey: boolean, topic?: string): boolean {
  if (uniqueKey) return message.msgId === key;
  return message.keys.includes(key) && (topic === undefined || message.topic === topic);
}

/** The Java admin waits 3x its usual timeout for a query: a broker reads each candidate from the commit log. */
export async function queryMessage(invoker: Invoker, brokerAddr: string, params: QueryMessageParams, timeoutMs = DEFAULT_TIMEOUT_MS * 3): Promise<QueryMessageResult> {
  const reply = await invoker.invoke(brokerAddr, queryMessageRequest(params), { timeoutMs });
  return decodeQueryMessage(reply, brokerAddr);
}
