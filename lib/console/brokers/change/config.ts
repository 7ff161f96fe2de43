import { getBrokerConfig } from '../../../rocketmq/get-broker-config';
import { updateBrokerConfig } from '../../../rocketmq/update-broker-config';
import type { BrokerNode } from '../../core/admin';
import { BadInputError } from '../../core/errors';
import { fanOutAll } from '../../core/fanout';
import { stepFailure } from '../../changes/steps';
import type { ChangeKind, ChangeLine, StepOutcome } from '../../changes/types';
import type { ClusterContext } from '../../context';
import { BrokerConfigInput, DEFAULT_BLACKLIST, RUNTIME_KEYS, SECRET_KEY, type BrokerConfigRequest } from './schema';
import { Sentences } from '../../core/say';

export const MASKED = '••••••';

export interface BrokerConfigDetail {
  /** broker address -> key -> value before: what undo restores. */
  before: Record<string, Record<string, string>>;
  /** broker address -> "brokerName (master|slave id, address)", as the lines name them. */
  labels: Record<string, string>;
}

/** Change broker configuration keys with a diff per broker; unknown and black-listed keys refused before sending. */
export const brokerConfigChange: ChangeKind<BrokerConfigRequest, BrokerConfigDetail> = {
  action: 'broker.config',
  parse: (input) => BrokerConfigInput.parse(input),

  async plan(ctx, request) {
    const nodes = await targets(ctx, request);
    const configs = await readConfigs(ctx, nodes);
    const keys = Object.keys(request.changes);
    for (const key of keys) {
      const missing = nodes.filter((n) => configs.get(n.addr)![key] === undefined);
      if (missing.length > 0) throw new BadInputError(`${key} is not a configuration key of ${missing.map(label).join(', ')}: the broker would ignore it and still answer OK`, `changes.${key}`);
    }
    for (const node of nodes) {
      const blacklist = new Set([...DEFAULT_BLACKLIST, ...(configs.get(node.addr)!.configBlackList ?? '').split(';').filter(Boolean)]);
      const refused = keys.find((k) => blacklist.has(k));
      if (refused) throw new BadInputError(`${refused} is in ${label(node)}'s configBlackList: the broker refuses to change it at runtime`, `changes.${refused}`);
    }
    // a secret would have to pass through the plan and the audit log, which keep every value: refused
    const secret = keys.find((k) => SECRET_KEY.test(k));
    if (secret) throw new BadInputError(`${secret} holds a secret: the console neither shows nor records secrets, so change it in the broker's config file`, `changes.${secret}`);
    const detail: BrokerConfigDetail = { before: {}, labels: Object.fromEntries(nodes.map((n) => [n.addr, label(n)])) };
    const lines: ChangeLine[] = [];
    for (const node of nodes) {
      const current = configs.get(node.addr)!;
      const wanted = request.perBroker?.[node.addr] ?? request.changes;
      detail.before[node.addr] = Object.fromEntries(keys.map((k) => [k, current[k]!]));
      for (const key of keys) if (current[key] !== wanted[key]) lines.push({ where: label(node), field: key, before: current[key]!, after: wanted[key]! });
    }
    const restart = keys.filter((k) => !RUNTIME_KEYS.has(k));
    const s = new Sentences();
    const warnings = [
      ...(restart.length > 0 ? [s.text('plans.config.restart', { keys: restart.join(', '), count: restart.length })] : []),
      s.text('plans.config.rewrites'),
      ...(keys.includes('brokerPermission') ? [s.text('plans.config.brokerPermission')] : []),
    ];
    return {
      target: { kind: 'broker', name: request.clusterName ?? request.brokerName! },
      lockOn: { kind: 'broker', name: `configuration of cluster ${nodes[0]!.clusterName}` },
      request: { ...request },
      lines,
      detail,
      warnings,
      blockers: lines.length === 0 ? [s.text('plans.config.nothingToChange')] : [],
      said: s.said,
      typedConfirmation: true,
      undo: { possible: true },
    };
  },

  async drift(ctx, plan) {
    const nodes = await targets(ctx, plan.request);
    const configs = await readConfigs(ctx, nodes);
    const drift: ChangeLine[] = [];
    for (const node of nodes) {
      for (const [key, before] of Object.entries(plan.detail.before[node.addr] ?? {})) {
        const now = configs.get(node.addr)![key] ?? null;
        if (now !== before) drift.push({ where: label(node), field: key, before, after: now });
      }
    }
    return drift;
  },

  async apply(ctx, plan) {
    const nodes = await targets(ctx, plan.request);
    const touched = new Set(plan.lines.map((l) => l.where));
    const timeout = ctx.admin.config.requestTimeoutMs;
    const steps = await Promise.all(
      nodes
        .filter((n) => touched.has(label(n)))
        .map(async (node): Promise<StepOutcome> => {
          const wanted = plan.request.perBroker?.[node.addr] ?? plan.request.changes;
          try {
            await updateBrokerConfig(ctx.admin, node.addr, wanted, timeout * 2);
          } catch (error) {
            return stepFailure(label(node), error);
          }
          // the broker answers OK for keys it ignores: read back
          const now = (await getBrokerConfig(ctx.admin, node.addr, timeout).catch(() => undefined))?.properties;
          const off = Object.entries(wanted).filter(([k, v]) => now?.[k] !== v).map(([k]) => k);
          return off.length === 0 ? { where: label(node), outcome: 'done' } : { where: label(node), outcome: 'failed', error: `the broker answered OK but ${off.join(', ')} ${off.length === 1 ? 'reads' : 'read'} back otherwise` };
        }),
    );
    return steps;
  },

  undoRequest(plan, steps) {
    const done = new Set(steps.filter((s) => s.outcome !== 'failed').map((s) => s.where));
    const perBroker = Object.fromEntries(Object.entries(plan.detail.before).filter(([addr]) => done.has(plan.detail.labels[addr] ?? addr)));
    const first = Object.values(perBroker)[0];
    if (!first) throw new BadInputError('no broker changed: nothing to undo', 'auditId');
    const request: BrokerConfigRequest = { ...(plan.request.clusterName ? { clusterName: plan.request.clusterName } : { brokerName: plan.request.brokerName! }), includeSlaves: plan.request.includeSlaves, changes: first, perBroker };
    return { action: 'broker.config', request };
  },
};

function label(node: BrokerNode): string {
  return `${node.brokerName} (${node.brokerId === 0 ? 'master' : `slave ${node.brokerId}`}, ${node.addr})`;
}

async function targets(ctx: ClusterContext, request: Pick<BrokerConfigRequest, 'clusterName' | 'brokerName' | 'includeSlaves'>): Promise<BrokerNode[]> {
  const all = await ctx.admin.brokerNodes();
  const chosen = all.filter((n) => (request.clusterName ? n.clusterName === request.clusterName : n.brokerName === request.brokerName) && (request.includeSlaves || n.brokerId === 0));
  if (chosen.length === 0) {
    throw request.clusterName
      ? new BadInputError(`no RocketMQ cluster named ${request.clusterName} (known: ${[...new Set(all.map((n) => n.clusterName))].join(', ')})`, 'clusterName')
      : new BadInputError(`no broker named ${request.brokerName} (known: ${[...new Set(all.map((n) => n.brokerName))].join(', ')})`, 'brokerName');
  }
  return chosen;
}

async function readConfigs(ctx: ClusterContext, nodes: BrokerNode[]): Promise<Map<string, Record<string, string>>> {
  const results = await fanOutAll(nodes, async (n) => (await getBrokerConfig(ctx.admin, n.addr, ctx.admin.config.requestTimeoutMs)).properties, ctx.admin.config.fanOutDeadlineMs, 'chosen broker');
  return new Map(results.map((r) => [r.target.addr, r.value]));
}
