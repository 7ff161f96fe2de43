import { deleteAclConfig } from '../../../rocketmq/delete-acl-config';
import { probeAcl1Account } from '../../../rocketmq/get-broker-cluster-acl-info';
import { updateAndCreateAclConfig } from '../../../rocketmq/update-and-create-acl-config';
import type { ChangeKind, ChangeLine } from '../../changes/types';
import type { ClusterContext } from '../../context';
import { BadInputError } from '../../core/errors';
import { Acl1AccountDeleteInput, Acl1AccountUpsertInput, type Acl1AccountUpsertRequest } from '../schema';
import { eachBroker, where } from '../change/state';
import { presenceText, readAcl1State, withoutSecret, type BrokerAcl1State } from './state';
import { Sentences } from '../../core/say';

type Presence = 'present' | 'absent' | 'unknown';
/** The request as planned and audited: whether a secret is set, never the secret. */
type AccountPlanned = Omit<Acl1AccountUpsertRequest, 'secretKey'>;

export interface AccountDetail {
  /** Per broker process (where): whether it had the account before, as its refusal of a probe said. */
  before: Record<string, Presence>;
}

const SECRET = Symbol.for('rocketmq-console.acl1.secret');

const presenceOf = (s: BrokerAcl1State): Presence => s.presence?.kind ?? 'unknown';
const beforeOf = (states: BrokerAcl1State[]) => Object.fromEntries(states.map((s) => [where(s.node), presenceOf(s)]));

function fieldLines(request: AccountPlanned, anyExisting: boolean, secret: string): ChangeLine[] {
  const was = anyExisting ? '(not readable)' : null;
  const set: [string, string | undefined][] = [
    ['admin', String(request.admin)],
    ['whiteRemoteAddress', request.whiteRemoteAddress === undefined ? undefined : request.whiteRemoteAddress || '(none)'],
    ['defaultTopicPerm', request.defaultTopicPerm],
    ['defaultGroupPerm', request.defaultGroupPerm],
    ['topicPerms', request.topicPerms?.join(', ') || (request.topicPerms ? '(none)' : undefined)],
    ['groupPerms', request.groupPerms?.join(', ') || (request.groupPerms ? '(none)' : undefined)],
    ['secretKey', secret],
  ];
  return set.filter(([, after]) => after !== undefined).map(([field, after]) => ({ where: 'every broker', field, before: was, after: after! }));
}

/** Brokers where the account appeared or went since the plan (both kinds plan on its presence). */
async function presenceDrift(ctx: ClusterContext, plan: { request: { accessKey: string }; detail: { before: Record<string, Presence> } }): Promise<ChangeLine[]> {
  const states = await readAcl1State(ctx, plan.request.accessKey);
  return states.flatMap((s) => {
    const was = plan.detail.before[where(s.node)];
    return was !== presenceOf(s) ? [{ where: where(s.node), field: 'account', before: was ?? null, after: presenceOf(s) }] : [];
  });
}

/**
 * Creates an ACL 1.0 account, or changes one, in the plain_acl.yml of every broker process (each checks requests
 * against its own file). The broker merges into an existing account: what the request leaves out stays as it was.
 * The secret goes to the brokers and nowhere else.
 */
export const acl1AccountUpsert: ChangeKind<AccountPlanned, AccountDetail> = {
  action: 'acl1.account.upsert',
  parse: (input) => {
    const { secretKey, ...rest } = Acl1AccountUpsertInput.parse(input);
    // the secret rides on the parsed request only until plan() moves it into the plan's secrets
    return Object.assign(rest, { [SECRET]: secretKey });
  },

  async plan(ctx, request) {
    const secretKey = (request as { [SECRET]?: string })[SECRET];
    const { [SECRET]: _drop, ...planned } = request as AccountPlanned & { [SECRET]?: string };
    // an undo or a re-plan after drift carries no secret: only a fresh request from the operator does
    if (secretKey === undefined) throw new BadInputError('secretKey is required (the broker needs it with every change of an account)', 'secretKey');
    const states = await readAcl1State(ctx, request.accessKey, secretKey);
    const existing = states.some((s) => presenceOf(s) !== 'absent');
    const changesSecret = states.some((s) => s.secret === 'differs');
    const created = states.every((s) => presenceOf(s) === 'absent');
    const self = ctx.admin.config.credentials?.accessKey === request.accessKey;
    const lines: ChangeLine[] = [
      ...states.map((s) => ({ where: where(s.node), field: 'account', before: presenceText(s.presence), after: presenceOf(s) === 'absent' ? 'created' : 'updated' })),
      ...fieldLines(planned, existing, !existing ? 'set (not shown)' : changesSecret ? 'changed (not shown)' : states.every((s) => s.secret === 'matches' || presenceOf(s) === 'absent') ? 'the same (not shown)' : 'given (not shown)'),
    ];
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: `account ${request.accessKey}` },
      lockOn: { kind: 'broker', name: 'acl' },
      request: planned,
      lines,
      detail: { before: beforeOf(states) },
      warnings: [
        ...(existing ? [s.text('plans.acl1.exists', { key: request.accessKey })] : []),
        ...(request.admin ? [s.text('plans.acl1.becomesAdmin', { key: request.accessKey })] : []),
        ...(changesSecret ? [s.text('plans.acl1.secretDiffers', { key: request.accessKey, brokers: states.filter((b) => b.secret === 'differs').map((b) => where(b.node)).join(', ') })] : []),
        ...(request.defaultTopicPerm === 'DENY' || request.defaultGroupPerm === 'DENY' ? [s.text('plans.acl1.denied', { key: request.accessKey })] : []),
        ...(self ? [s.text('plans.acl1.self', { key: request.accessKey })] : []),
      ],
      blockers: [],
      typedConfirmation: existing || request.admin || self,
      undo: created ? { possible: true } : { possible: false, reason: s.text('plans.acl1.existedUndo') },
      said: s.said,
      expectedSteps: states.length,
      secrets: { secretKey },
    };
  },

  drift: presenceDrift,

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    const secretKey = plan.secrets?.secretKey;
    if (secretKey === undefined) throw new BadInputError('secretKey: the plan lost its secret (the console restarted since the preview): plan the change again', 'secretKey');
    return eachBroker(ctx, (at) => at in plan.detail.before, async (node) => {
      await withoutSecret(secretKey, () => updateAndCreateAclConfig(admin, node.addr, { ...plan.request, secretKey }, admin.config.requestTimeoutMs));
      // the broker answers 0 even when it wrote a file other than the one it reads: ask it again
      const now = await probeAcl1Account(admin, node.addr, plan.request.accessKey, admin.config.requestTimeoutMs);
      if (now.kind === 'absent') throw new Error(`${node.brokerName}/${node.brokerId} took the account but does not know it afterwards (check its rocketmq.acl.plain.file)`);
    }, report);
  },

  // offered only when the change created the account (undo.possible): deleting it again takes it back
  undoRequest: (plan) => ({ action: 'acl1.account.delete', request: { accessKey: plan.request.accessKey } }),
};

export interface AccountDeleteDetail {
  before: Record<string, Presence>;
}

/** Deletes an ACL 1.0 account from the plain_acl.yml of every broker process that has it. */
export const acl1AccountDelete: ChangeKind<{ accessKey: string }, AccountDeleteDetail> = {
  action: 'acl1.account.delete',
  parse: (input) => Acl1AccountDeleteInput.parse(input),

  async plan(ctx, request) {
    const states = await readAcl1State(ctx, request.accessKey);
    const having = states.filter((s) => presenceOf(s) !== 'absent');
    const self = ctx.admin.config.credentials?.accessKey === request.accessKey;
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: `account ${request.accessKey}` },
      lockOn: { kind: 'broker', name: 'acl' },
      request,
      lines: having.map((s) => ({ where: where(s.node), field: 'account', before: presenceText(s.presence), after: null })),
      detail: { before: beforeOf(states) },
      warnings: [s.text('plans.acl1.refused', { key: request.accessKey })],
      blockers: [
        ...(having.length === 0 ? [s.text('plans.acl1.noSuchAccount', { key: request.accessKey })] : []),
        ...(self ? [s.text('plans.acl1.selfDelete', { key: request.accessKey })] : []),
      ],
      typedConfirmation: true,
      undo: { possible: false, reason: s.text('plans.acl1.deleteUndo') },
      said: s.said,
      expectedSteps: having.length,
    };
  },

  drift: presenceDrift,

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    return eachBroker(ctx, (at) => plan.detail.before[at] !== undefined && plan.detail.before[at] !== 'absent', (node) => deleteAclConfig(admin, node.addr, plan.request.accessKey, admin.config.requestTimeoutMs), report);
  },
};
