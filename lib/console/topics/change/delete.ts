import { deleteTopicInBroker } from '../../../rocketmq/delete-topic-in-broker';
import { forgetTopicCatalog } from '../catalog';
import { deleteTopicInNamesrv } from '../../../rocketmq/delete-topic-in-namesrv';
import { BadInputError, NotFoundError } from '../../core/errors';
import { checkTopicName, isSystemTopic } from '../../core/names';
import { masters, routeIfExists } from '../../core/routes';
import type { ClusterContext } from '../../context';
import type { ChangeKind, ChangeLine, StepOutcome } from '../../changes/types';
import { TopicDeleteInput, type TopicDeleteRequest } from './schema';
import { consumingGroups, permName, queueStats, readMasters } from './state';
import { stepFailure } from '../../changes/steps';
import { Sentences } from '../../core/say';

export interface TopicDeleteDetail {
  /** Masters holding the topic, with the messages each holds (null: unknown, the broker did not say). */
  brokers: Array<{ brokerName: string; clusterName: string; v5: boolean; messages: number | null }>;
  clusters: string[];
  groups: string[];
}

/** Delete a topic from every master that holds it, then from every namesrv (mqadmin deleteTopic's order). */
export const topicDelete: ChangeKind<TopicDeleteRequest, TopicDeleteDetail> = {
  action: 'topic.delete',
  parse: (input) => TopicDeleteInput.parse(input),

  async plan(ctx, request) {
    checkTopicName(request.topic);
    const holding = await holders(ctx, request.topic);
    const stats = await queueStats(ctx, holding.map((s) => s.node), request.topic);
    const detail: TopicDeleteDetail = {
      brokers: holding.map((s) => {
        const q = stats.get(s.node.brokerName);
        return { brokerName: s.node.brokerName, clusterName: s.node.clusterName, v5: s.v5, messages: Array.isArray(q) ? q.reduce((n, x) => n + (x.maxOffset - x.minOffset), 0) : null };
      }),
      clusters: [...new Set(holding.map((s) => s.node.clusterName))],
      groups: await consumingGroups(ctx, holding.map((s) => s.node), request.topic),
    };
    const lines: ChangeLine[] = [
      ...holding.map((s) => ({ where: s.node.brokerName, field: 'topic', before: `${s.config!.readQueueNums} read / ${s.config!.writeQueueNums} write queues, ${permName(s.config!.perm)}`, after: null })),
      ...detail.clusters.map((c) => ({ where: 'namesrv', field: `route (${c})`, before: 'registered', after: null })),
    ];
    const total = detail.brokers.reduce<number | null>((n, b) => (n === null || b.messages === null ? null : n + b.messages), 0);
    const s = new Sentences();
    const brokers = detail.brokers.map((b) => `${b.brokerName}${b.messages === null ? ' (count unknown)' : ` (${b.messages.toLocaleString('en-US')})`}`).join(', ');
    const warnings = [
      total === null ? s.text('plans.topic.deletesUnknown', { topic: request.topic, brokers }) : s.text('plans.topic.deletes', { total, topic: request.topic, brokers }),
      ...(detail.groups.length > 0 ? [s.text('plans.topic.deleteGroups', { groups: detail.groups.join(', ') })] : []),
      ...(detail.brokers.some((b) => b.v5) ? [s.text('plans.topic.v5Offsets')] : []),
      ...(detail.brokers.some((b) => !b.v5) ? [s.text('plans.topic.v4Offsets')] : []),
      s.text('plans.topic.autoCreate'),
    ];
    return {
      target: { kind: 'topic', name: request.topic },
      request,
      lines,
      detail,
      warnings,
      blockers: [],
      typedConfirmation: true,
      undo: { possible: false, reason: s.text('plans.topic.deleteUndo') },
      said: s.said,
    };
  },

  async drift(ctx, plan) {
    const now = new Set((await holders(ctx, plan.request.topic).catch(() => [])).map((s) => s.node.brokerName));
    const before = new Set(plan.detail.brokers.map((b) => b.brokerName));
    const drift: ChangeLine[] = [];
    for (const b of now) if (!before.has(b)) drift.push({ where: b, field: 'topic', before: null, after: 'present' });
    for (const b of before) if (!now.has(b)) drift.push({ where: b, field: 'topic', before: 'present', after: null });
    return drift;
  },

  async apply(ctx, plan) {
    const timeout = ctx.admin.config.requestTimeoutMs;
    const nodes = new Map(masters(await ctx.admin.brokerNodes()).map((n) => [n.brokerName, n]));
    const steps: StepOutcome[] = await Promise.all(
      plan.detail.brokers.map(async (b): Promise<StepOutcome> => {
        const node = nodes.get(b.brokerName);
        if (!node) return { where: b.brokerName, outcome: 'failed', error: `${b.brokerName} has no master registered with the namesrv` };
        try {
          await deleteTopicInBroker(ctx.admin, node.addr, plan.request.topic, timeout * 3);
          return { where: b.brokerName, outcome: 'done' };
        } catch (error) {
          return stepFailure(b.brokerName, error);
        }
      }),
    );
    const remaining = steps.filter((s) => s.outcome !== 'done').map((s) => s.where);
    for (const addr of ctx.admin.config.namesrvAddrs) {
      for (const clusterName of plan.detail.clusters) {
        const where = `namesrv ${addr} (${clusterName})`;
        if (remaining.length > 0) {
          // a broker that still has the topic registers it again within 30 s: the route would come back
          steps.push({ where, outcome: 'failed', error: `not sent: ${remaining.join(', ')} may still hold the topic; delete again once they answer` });
          continue;
        }
        try {
          await deleteTopicInNamesrv(ctx.admin, addr, plan.request.topic, clusterName, timeout);
          steps.push({ where, outcome: 'done' });
        } catch (error) {
          steps.push(stepFailure(where, error));
        }
      }
    }
    forgetTopicCatalog(ctx.admin);
    return steps;
  },
};

/** Masters that hold the topic now; 404 when none does and no namesrv routes it. */
async function holders(ctx: ClusterContext, topic: string) {
  const all = masters(await ctx.admin.brokerNodes());
  const names = new Set([...all.map((n) => n.clusterName), ...all.map((n) => n.brokerName)]);
  if (isSystemTopic(topic, names, ctx.config.traceTopic)) throw new BadInputError(`${topic} is a system topic: the brokers manage it`, 'topic');
  const holding = (await readMasters(ctx, all, topic)).filter((s) => s.config);
  if (holding.length === 0 && !(await routeIfExists(ctx.admin, topic))) throw new NotFoundError(`no topic named ${topic} on cluster ${ctx.name}`, 'topic');
  return holding;
}
