import { applyChange, previewChange, previewUndo } from './changes/pipeline';
import { anyKind, ChangeKinds } from './changes/registry';
import { applyChangeStreamed, type ApplyEvent } from './changes/stream';
import type { ChangePlan, ChangeResult } from './changes/types';
import { NotFoundError } from './core/errors';
import type { ChangeContext, ClusterContext } from './context';
import { brokerConfigChange } from './brokers/change/config';
import { namesrvConfigChange } from './brokers/change/namesrv-config';
import { dlqRedrive } from './dlq/redrive';
import { aclPolicyDelete, aclPolicyUpsert } from './acl/change/policy';
import { aclUserDelete, aclUserUpsert } from './acl/change/user';
import { acl1AccountDelete, acl1AccountUpsert } from './acl/v1/account';
import { acl1WhiteAddrsUpdate } from './acl/v1/white-list';
import { groupDelete } from './groups/change/delete';
import { groupUpsert } from './groups/change/upsert';
import { messageSend } from './messages/send';
import { topicDelete } from './topics/change/delete';
import { topicUpsert } from './topics/change/upsert';

/** Every kind of change the console makes through the change pipeline, by audit action. */
export const CHANGE_KINDS = new ChangeKinds([anyKind(topicUpsert), anyKind(topicDelete), anyKind(groupUpsert), anyKind(groupDelete), anyKind(brokerConfigChange), anyKind(namesrvConfigChange), anyKind(messageSend), anyKind(dlqRedrive), anyKind(aclUserUpsert), anyKind(aclUserDelete), anyKind(aclPolicyUpsert), anyKind(aclPolicyDelete), anyKind(acl1AccountUpsert), anyKind(acl1AccountDelete), anyKind(acl1WhiteAddrsUpdate)]);

/** Plans a change of any kind (changes nothing). */
export async function previewAnyChange(ctx: ClusterContext, input: { action: string; request: unknown }): Promise<ChangePlan> {
  return previewChange(ctx, CHANGE_KINDS.get(input.action), input.request);
}

/** Applies a kept plan of any kind, an undo included. */
export function applyAnyChange(ctx: ChangeContext, input: { previewId: string; confirm: unknown }): Promise<ChangeResult> {
  return applyChange(ctx, CHANGE_KINDS, input);
}

/** Applies a kept plan of any kind, telling its progress step by step (resolves once its audit entry is written). */
export function applyAnyChangeStreamed(ctx: ChangeContext, input: { previewId: string; confirm: unknown }): Promise<AsyncGenerator<ApplyEvent, void, undefined>> {
  return applyChangeStreamed(ctx, CHANGE_KINDS, input);
}

/** Plans taking back an audited change: a new change through the same pipeline, linked to the entry it undoes. */
export async function previewChangeUndo(ctx: ClusterContext, input: { auditId: number }): Promise<ChangePlan> {
  const entry = await (await ctx.store()).audit.get(input.auditId);
  if (!entry || entry.cluster !== ctx.name) throw new NotFoundError(`no audit entry #${input.auditId} on cluster ${ctx.name}`, 'auditId');
  return previewUndo(ctx, CHANGE_KINDS, entry);
}
