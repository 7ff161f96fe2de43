import { authCreateUser } from '../../../rocketmq/auth-create-user';
import { authDeleteUser } from '../../../rocketmq/auth-delete-user';
import { authUpdateUser } from '../../../rocketmq/auth-update-user';
import type { AclUser } from '../../../rocketmq/acl-model';
import type { ChangeKind, ChangeLine } from '../../changes/types';
import { BadInputError } from '../../core/errors';
import { UserDeleteInput, UserUpsertInput, type UserUpsertRequest } from '../schema';
import { eachBroker, readAclState, where, type BrokerAclState } from './state';
import { Sentences } from '../../core/say';

/** The request as planned and audited: whether a password is set, never the password. */
type UserUpsertPlanned = Omit<UserUpsertRequest, 'password'> & { passwordSet: boolean };

export interface UserDetail {
  /** Per broker process (where): the user before, null when it had none. */
  before: Record<string, AclUser | null>;
}

const show = (u: AclUser | null | undefined, field: 'userType' | 'userStatus') => (u ? u[field] : null);

function userLines(states: BrokerAclState[], username: string, after: (before: AclUser | null) => AclUser | null, passwordSet: boolean): { lines: ChangeLine[]; before: Record<string, AclUser | null> } {
  const lines: ChangeLine[] = [];
  const before: Record<string, AclUser | null> = {};
  for (const s of states) {
    const was = s.users.get(username) ?? null;
    const will = after(was);
    before[where(s.node)] = was;
    for (const field of ['userType', 'userStatus'] as const) if (show(was, field) !== show(will, field)) lines.push({ where: where(s.node), field, before: show(was, field), after: show(will, field) });
    if (will && passwordSet) lines.push({ where: where(s.node), field: 'password', before: was ? 'set' : null, after: was ? 'changed (not shown)' : 'set (not shown)' });
  }
  return { lines, before };
}

/**
 * Creates an ACL 2.0 user, or changes one (password, type, status), on every broker process of the cluster (each
 * keeps its own copy). The password goes to the brokers and nowhere else: not the preview, not the audit.
 */
export const aclUserUpsert: ChangeKind<UserUpsertPlanned, UserDetail> = {
  action: 'acl.user.upsert',
  parse: (input) => {
    // a plan's own request (a fresh plan after drift, an undo) carries passwordSet, never a password
    const { passwordSet: _planned, ...raw } = (input ?? {}) as Record<string, unknown>;
    const { password, ...rest } = UserUpsertInput.parse(raw);
    // the secret rides on the parsed request only until plan() moves it into the plan's secrets
    return Object.assign({ ...rest, passwordSet: password !== undefined }, password !== undefined ? { [PASSWORD]: password } : {});
  },

  async plan(ctx, request) {
    const password = (request as { [PASSWORD]?: string })[PASSWORD];
    const { [PASSWORD]: _drop, ...planned } = request as UserUpsertPlanned & { [PASSWORD]?: string };
    const states = await readAclState(ctx);
    const missing = states.filter((s) => !s.users.has(request.username));
    if (missing.length > 0 && password === undefined) throw new BadInputError(`password: ${request.username} does not exist on ${missing.map((s) => where(s.node)).join(', ')}: a new user needs a password`, 'password');
    const after = (was: AclUser | null): AclUser => ({
      username: request.username,
      userType: request.userType ?? was?.userType ?? 'Normal',
      userStatus: request.userStatus ?? was?.userStatus ?? 'enable',
    });
    const { lines, before } = userLines(states, request.username, after, password !== undefined);
    const passwordChanged = password !== undefined && states.some((s) => s.users.has(request.username));
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: `user ${request.username}` },
      lockOn: { kind: 'broker', name: 'acl' },
      request: planned,
      lines,
      detail: { before },
      warnings: [
        ...(request.userType === 'Super' ? [s.text('plans.acl.becomesSuper', { user: request.username })] : []),
        ...(request.userStatus === 'disable' ? [s.text('plans.acl.refused', { user: request.username })] : []),
        ...(passwordChanged ? [s.text('plans.acl.oldPasswordRefused', { user: request.username })] : []),
      ],
      blockers: lines.length === 0 ? [s.text('plans.acl.userUnchanged')] : [],
      typedConfirmation: request.userType === 'Super' || request.userStatus === 'disable' || passwordChanged,
      undo: passwordChanged ? { possible: false, reason: s.text('plans.acl.passwordUnreadable') } : { possible: true },
      said: s.said,
      expectedSteps: states.length,
      ...(password !== undefined ? { secrets: { password } } : {}),
    };
  },

  async drift(ctx, plan) {
    const states = await readAclState(ctx);
    return states.flatMap((s) => {
      const was = plan.detail.before[where(s.node)] ?? null;
      const now = s.users.get(plan.request.username) ?? null;
      return (['userType', 'userStatus'] as const).filter((f) => show(was, f) !== show(now, f)).map((f) => ({ where: where(s.node), field: f, before: show(was, f), after: show(now, f) }));
    });
  },

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    const password = plan.secrets?.password;
    const user = { username: plan.request.username, ...(plan.request.userType ? { userType: plan.request.userType } : {}), ...(plan.request.userStatus ? { userStatus: plan.request.userStatus } : {}) };
    return eachBroker(ctx, (at) => at in plan.detail.before, (node, at) =>
      plan.detail.before[at]
        ? authUpdateUser(admin, node.addr, { ...user, ...(password ? { password } : {}) }, admin.config.requestTimeoutMs)
        : authCreateUser(admin, node.addr, { ...user, password: password!, userType: plan.request.userType ?? 'Normal' }, admin.config.requestTimeoutMs), report);
  },

  undoRequest(plan, steps) {
    const done = new Set(steps.filter((s) => s.outcome !== 'failed').map((s) => s.where));
    const befores = Object.entries(plan.detail.before).filter(([at]) => done.has(at));
    // a user this change created is deleted again; one it changed gets its type and status back
    if (befores.every(([, b]) => b === null)) return { action: 'acl.user.delete', request: { username: plan.request.username } };
    const was = befores.find(([, b]) => b !== null)![1]!;
    return { action: 'acl.user.upsert', request: { username: was.username, userType: was.userType, userStatus: was.userStatus } };
  },
};

const PASSWORD = Symbol.for('rocketmq-console.acl.password');

export interface UserDeleteDetail {
  before: Record<string, AclUser | null>;
}

/** Deletes an ACL 2.0 user from every broker process; its policies stay until deleted too (the preview says so). */
export const aclUserDelete: ChangeKind<{ username: string }, UserDeleteDetail> = {
  action: 'acl.user.delete',
  parse: (input) => UserDeleteInput.parse(input),

  async plan(ctx, request) {
    const states = await readAclState(ctx);
    const { lines, before } = userLines(states, request.username, () => null, false);
    const entries = states[0] ? [...states[0].entries.keys()].filter((k) => k.startsWith(`User:${request.username} `)).length : 0;
    const self = ctx.admin.config.credentials?.accessKey === request.username;
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: `user ${request.username}` },
      lockOn: { kind: 'broker', name: 'acl' },
      request,
      lines,
      detail: { before },
      warnings: [s.text('plans.acl.refused', { user: request.username }), ...(entries > 0 ? [s.text('plans.acl.entriesStay', { count: String(entries) })] : [])],
      blockers: [...(lines.length === 0 ? [s.text('plans.acl.noSuchUser', { user: request.username })] : []), ...(self ? [s.text('plans.acl.selfDelete', { user: request.username })] : [])],
      typedConfirmation: true,
      undo: { possible: false, reason: s.text('plans.acl.userDeleteUndo') },
      said: s.said,
      expectedSteps: lines.length > 0 ? states.filter((s) => s.users.has(request.username)).length : 0,
    };
  },

  async drift(ctx, plan) {
    const states = await readAclState(ctx);
    return states.flatMap((s) => {
      const was = plan.detail.before[where(s.node)] ?? null;
      const now = s.users.get(plan.request.username) ?? null;
      return (was === null) !== (now === null) ? [{ where: where(s.node), field: 'user', before: was ? 'exists' : null, after: now ? 'exists' : null }] : [];
    });
  },

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    return eachBroker(ctx, (at) => Boolean(plan.detail.before[at]), (node) => authDeleteUser(admin, node.addr, plan.request.username, admin.config.requestTimeoutMs), report);
  },
};
