import { updateGlobalWhiteAddrsConfig } from '../../../rocketmq/update-global-white-addrs-config';
import type { ChangeKind } from '../../changes/types';
import { Acl1WhiteAddrsInput } from '../schema';
import { eachBroker, where } from '../change/state';
import { readAcl1State } from './state';
import { Sentences } from '../../core/say';

export interface WhiteListDetail {
  /** The broker processes written to. */
  brokers: string[];
}

/**
 * Replaces the global white list (globalWhiteRemoteAddresses) of every broker process's default plain_acl.yml. A
 * client from a listed address passes every check unsigned, admin requests included. The list before cannot be read.
 */
export const acl1WhiteAddrsUpdate: ChangeKind<{ addresses: string[] }, WhiteListDetail> = {
  action: 'acl1.whiteAddrs.update',
  parse: (input) => Acl1WhiteAddrsInput.parse(input),

  async plan(ctx, request) {
    const states = await readAcl1State(ctx);
    const after = request.addresses.length > 0 ? request.addresses.join(', ') : '(none)';
    const wide = request.addresses.filter((a) => /^\*|^\d+\.\*/.test(a));
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: 'global white list' },
      lockOn: { kind: 'broker', name: 'acl' },
      request,
      lines: states.map((s) => ({ where: where(s.node), field: 'globalWhiteRemoteAddresses', before: '(not readable)', after })),
      detail: { brokers: states.map((s) => where(s.node)) },
      warnings: [
        request.addresses.length > 0 ? s.text('plans.acl1.whiteListed', { addresses: after }) : s.text('plans.acl1.signAgain'),
        ...(wide.length > 0 ? [s.text('plans.acl1.wide', { addresses: wide.join(', ') })] : []),
        s.text('plans.acl1.replaced'),
      ],
      blockers: [],
      typedConfirmation: true,
      undo: { possible: false, reason: s.text('plans.acl1.whiteListUndo') },
      said: s.said,
      expectedSteps: states.length,
    };
  },

  async drift(ctx, plan) {
    const now = (await readAcl1State(ctx)).map((s) => where(s.node));
    const was = new Set(plan.detail.brokers);
    return now.filter((b) => !was.has(b)).map((b) => ({ where: b, field: 'broker', before: null, after: 'appeared since the plan' }));
  },

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    return eachBroker(ctx, (at) => plan.detail.brokers.includes(at), (node) => updateGlobalWhiteAddrsConfig(admin, node.addr, plan.request.addresses, '', admin.config.requestTimeoutMs), report);
  },
};
