import { consumeMessageDirectly, type ConsumeMessageDirectlyResult } from '../../rocketmq/consume-message-directly';
import { getConsumerConnectionList, type ClientConnection } from '../../rocketmq/get-consumer-connection-list';
import { beginChangeAudit, withChangeLock } from '../changes/guard';
import { stepFailure } from '../changes/steps';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import type { Kept } from '../core/previews';
import type { ChangeContext, ClusterContext } from '../context';
import { groupConnectionsViaProxies } from '../proxies/list';
import { findMessageById } from './lookup';
import type { MessageSummary } from './model';
import { routeTargets } from './targets';
import { Sentences, type Say } from '../core/say';

export interface ResendRequest {
  msgId: string;
  topic?: string;
  group: string;
  /** One online client of the group; the first one when not given. */
  clientId?: string;
}

/** The message to resend, as a result row shows it. */
type ResentMessage = Pick<MessageSummary, 'msgId' | 'offsetMsgId' | 'topic' | 'brokerName' | 'queueId' | 'queueOffset' | 'tags' | 'keys' | 'bodySize'>;

export interface ResendPreview extends ResentMessage, Kept {
  group: string;
  clientId: string;
  clients: ClientConnection[];
  messageModel: string;
  consumeType: string;
  /** The broker that holds the message and hands it to the client. */
  brokerAddr: string;
  /** What the operator should know before confirming. */
  warnings: string[];
  /** The warnings' catalog sentences, by their English text (core/say.ts). */
  said?: Record<string, Say>;
}

/** A resend preview as computed, before it is kept. */
export type ResendPlan = Omit<ResendPreview, keyof Kept>;

export interface ResendResult {
  auditId: number;
  /** unknown: the request left but no answer came in time, so the client may have run its listener. */
  status: 'completed' | 'failed' | 'unknown';
  group: string;
  clientId: string;
  msgId: string;
  result?: ConsumeMessageDirectlyResult;
  error?: string;
  durationMs: number;
}

/**
 * What a resend would do: which stored message goes to which client of the group. A group with no online client
 * cannot take it (CONSUME_MESSAGE_DIRECTLY goes to a live connection): 409 no_online_client.
 */
export async function previewResend(ctx: ClusterContext, request: ResendRequest): Promise<ResendPreview> {
  const { admin } = ctx;
  const found = await findMessageById(admin, request.msgId, request.topic);
  const message = found.messages[0]!;
  const home = (await routeTargets(admin, message.topic)).find((t) => t.brokerName === message.brokerName)?.addr ?? message.storeHost;
  const connection = await getConsumerConnectionList(admin, home, request.group, admin.config.requestTimeoutMs);
  if (!connection || connection.connections.length === 0) {
    const proxied = (await groupConnectionsViaProxies(ctx, request.group).catch(() => []))[0];
    if (proxied) {
      throw new ConflictError(
        `consumer group ${request.group}'s clients are gRPC clients through the proxy ${proxied.proxy}: a message cannot be sent to them directly (the proxy answers CONSUME_MESSAGE_DIRECTLY "not supported", and the brokers hold no connection to them). To have the group consume it again, send a copy to ${message.topic} (Send message) or reset the group's offset to before it`,
        'group',
        'clients_via_proxy',
      );
    }
    throw new ConflictError(
      `consumer group ${request.group} has no online client: a message can only be resent to a running consumer of the group`,
      'group',
      'no_online_client',
    );
  }
  const client = request.clientId ? connection.connections.find((c) => c.clientId === request.clientId) : connection.connections[0];
  if (!client) throw new BadInputError(`clientId: ${request.clientId} is not an online client of ${request.group}`, 'clientId');
  const warnings: string[] = [];
  const said = new Sentences();
  if (!connection.subscriptions.some((s) => s.topic === message.topic)) {
    warnings.push(said.text('plans.message.notSubscribed', { group: request.group, topic: message.topic }));
  }
  if (connection.consumeType !== 'CONSUME_PASSIVELY') warnings.push(said.text('plans.message.notPush', { group: request.group, consumeType: connection.consumeType }));
  warnings.push(said.text('plans.message.sideEffects'));
  return ctx.previews.resend.save({
    msgId: message.msgId,
    offsetMsgId: message.offsetMsgId,
    topic: message.topic,
    brokerName: message.brokerName,
    queueId: message.queueId,
    queueOffset: message.queueOffset,
    ...(message.tags !== undefined ? { tags: message.tags } : {}),
    keys: message.keys,
    bodySize: message.bodySize,
    group: request.group,
    clientId: client.clientId,
    clients: connection.connections,
    messageModel: connection.messageModel,
    consumeType: connection.consumeType,
    brokerAddr: home,
    warnings,
    said: said.said,
  });
}

/**
 * Sends the previewed message to the previewed client, once the operator typed the group name. The audit entry is
 * written before the call; a resend cannot be taken back, so it has no undo.
 */
export async function applyResend(ctx: ChangeContext, input: { previewId: string; confirm: unknown }): Promise<ResendResult> {
  const { previewId, confirm } = input;
  const preview = ctx.previews.resend.get(previewId);
  if (!preview) throw new NotFoundError('no such resend preview (it expires after 15 minutes or once applied): preview again', 'previewId');
  if (confirm !== preview.group) throw new BadInputError(`confirm: type the group name ${preview.group} to resend`, 'confirm');
  ctx.previews.resend.drop(previewId);
  return withChangeLock(ctx, { kind: 'group', name: preview.group }, async (lock) => {
    const { auditId, started } = await beginChangeAudit(ctx, lock, {
      action: 'resend-message',
      group: preview.group,
      topic: preview.topic,
      target: { kind: 'group', name: preview.group },
      params: { msgId: preview.msgId, offsetMsgId: preview.offsetMsgId, clientId: preview.clientId, previewId },
      plan: { brokerName: preview.brokerName, queueId: preview.queueId, queueOffset: preview.queueOffset, brokerAddr: preview.brokerAddr },
    });
    return deliver(ctx, preview, auditId, started);
  });
}

async function deliver(ctx: ChangeContext, preview: ResendPreview, auditId: number, started: number): Promise<ResendResult> {
  const { admin } = ctx;
  let result: ConsumeMessageDirectlyResult | undefined;
  let error: string | undefined;
  let status: ResendResult['status'] = 'completed';
  try {
    result = await consumeMessageDirectly(admin, { consumerGroup: preview.group, clientId: preview.clientId, offsetMsgId: preview.offsetMsgId, topic: preview.topic }, { brokerAddr: preview.brokerAddr });
    if (result.consumeResult !== 'CR_SUCCESS') [status, error] = ['failed', `the client answered ${result.consumeResult ?? 'no result'}${result.remark ? `: ${result.remark}` : ''}`];
  } catch (e) {
    // as for every change: a request that left without an answer may still have been carried out
    const step = stepFailure(preview.brokerName, e);
    [status, error] = [step.outcome === 'unknown' ? 'unknown' : 'failed', step.error];
  }
  const durationMs = Date.now() - started;
  await (await ctx.store()).audit.finish(auditId, { at: Date.now(), status, result: result ?? null, durationMs, error: error ?? null });
  return { auditId, status, group: preview.group, clientId: preview.clientId, msgId: preview.msgId, ...(result ? { result } : {}), ...(error ? { error } : {}), durationMs };
}
