import { getNamesrvConfig } from '../../../rocketmq/get-namesrv-config';
import { updateNamesrvConfig } from '../../../rocketmq/update-namesrv-config';
import { BadInputError } from '../../core/errors';
import { fanOutAll } from '../../core/fanout';
import { stepFailure } from '../../changes/steps';
import type { ChangeKind, ChangeLine, StepOutcome } from '../../changes/types';
import type { ClusterContext } from '../../context';
import { DEFAULT_BLACKLIST, NamesrvConfigInput, SECRET_KEY, type NamesrvConfigRequest } from './schema';
import { Sentences } from '../../core/say';

export interface NamesrvConfigDetail {
  /** namesrv address -> key -> value before: what undo restores. */
  before: Record<string, Record<string, string>>;
}

const where = (addr: string) => `namesrv ${addr}`;

/** Change namesrv configuration keys on every namesrv of the cluster, with the same checks as a broker's. */
export const namesrvConfigChange: ChangeKind<NamesrvConfigRequest, NamesrvConfigDetail> = {
  action: 'namesrv.config',
  parse: (input) => NamesrvConfigInput.parse(input),

  async plan(ctx, request) {
    const configs = await readAll(ctx);
    const keys = Object.keys(request.changes);
    for (const key of keys) {
      if (SECRET_KEY.test(key)) throw new BadInputError(`${key} holds a secret: the console neither shows nor records secrets`, `changes.${key}`);
      const missing = [...configs].filter(([, c]) => c[key] === undefined).map(([addr]) => addr);
      if (missing.length > 0) throw new BadInputError(`${key} is not a configuration key of namesrv ${missing.join(', ')}: it would be ignored and still answered OK`, `changes.${key}`);
      const listed = [...configs].some(([, c]) => new Set([...DEFAULT_BLACKLIST, ...(c.configBlackList ?? '').split(';').filter(Boolean)]).has(key));
      if (listed) throw new BadInputError(`${key} is in the namesrv's configBlackList: it refuses to change it at runtime`, `changes.${key}`);
    }
    const detail: NamesrvConfigDetail = { before: {} };
    const lines: ChangeLine[] = [];
    for (const [addr, current] of configs) {
      const wanted = request.perNamesrv?.[addr] ?? request.changes;
      detail.before[addr] = Object.fromEntries(keys.map((k) => [k, current[k]!]));
      for (const key of keys) if (current[key] !== wanted[key]) lines.push({ where: where(addr), field: key, before: current[key]!, after: wanted[key]! });
    }
    const s = new Sentences();
    return {
      target: { kind: 'namesrv', name: ctx.name },
      request,
      lines,
      detail,
      warnings: [s.text('plans.config.namesrvRestart')],
      blockers: lines.length === 0 ? [s.text('plans.config.nothingToChange')] : [],
      said: s.said,
      typedConfirmation: true,
      undo: { possible: true },
    };
  },

  async drift(ctx, plan) {
    const configs = await readAll(ctx);
    const drift: ChangeLine[] = [];
    for (const [addr, before] of Object.entries(plan.detail.before)) {
      for (const [key, value] of Object.entries(before)) {
        const now = configs.get(addr)?.[key] ?? null;
        if (now !== value) drift.push({ where: where(addr), field: key, before: value, after: now });
      }
    }
    return drift;
  },

  async apply(ctx, plan) {
    const touched = new Set(plan.lines.map((l) => l.where));
    const timeout = ctx.admin.config.requestTimeoutMs;
    return Promise.all(
      ctx.config.namesrvAddrs
        .filter((addr) => touched.has(where(addr)))
        .map(async (addr): Promise<StepOutcome> => {
          const wanted = plan.request.perNamesrv?.[addr] ?? plan.request.changes;
          try {
            await updateNamesrvConfig(ctx.admin, addr, wanted, timeout);
          } catch (error) {
            return stepFailure(where(addr), error);
          }
          const now = (await getNamesrvConfig(ctx.admin, addr, timeout).catch(() => undefined))?.properties;
          const off = Object.entries(wanted).filter(([k, v]) => now?.[k] !== v).map(([k]) => k);
          return off.length === 0 ? { where: where(addr), outcome: 'done' } : { where: where(addr), outcome: 'failed', error: `answered OK but ${off.join(', ')} read back otherwise` };
        }),
    );
  },

  undoRequest(plan, steps) {
    const done = new Set(steps.filter((s) => s.outcome !== 'failed').map((s) => s.where));
    const perNamesrv = Object.fromEntries(Object.entries(plan.detail.before).filter(([addr]) => done.has(where(addr))));
    const first = Object.values(perNamesrv)[0];
    if (!first) throw new BadInputError('no namesrv changed: nothing to undo', 'auditId');
    const request: NamesrvConfigRequest = { changes: first, perNamesrv };
    return { action: 'namesrv.config', request };
  },
};

async function readAll(ctx: ClusterContext): Promise<Map<string, Record<string, string>>> {
  const targets = ctx.config.namesrvAddrs.map((addr) => ({ brokerName: where(addr), addr }));
  const results = await fanOutAll(targets, async (t) => (await getNamesrvConfig(ctx.admin, t.addr, ctx.admin.config.requestTimeoutMs)).properties, ctx.admin.config.fanOutDeadlineMs, 'namesrv');
  return new Map(results.map((r) => [r.target.addr, r.value]));
}
