/**
 * Notification channels of a cluster: listed without their secrets, created, replaced (a secret left out is kept),
 * deleted, tested; and the messages sent, newest first. Changes are audited (action alert-channel) without secrets.
 */
import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../../core/errors';
import type { ChangeContext, ClusterContext } from '../../context';
import { auditedAlertChange } from '../audited';
import type { ChannelInput } from './schema';
import { channelView, type AlertChannel, type ChannelView, type Delivery } from './types';

export async function listChannels(ctx: ClusterContext): Promise<{ channels: ChannelView[] }> {
  return { channels: (await (await ctx.store()).notify.channels(ctx.name)).map(channelView) };
}

export async function saveChannel(ctx: ChangeContext, input: ChannelInput & { id?: string }): Promise<ChannelView> {
  const store = await ctx.store();
  const existing = input.id === undefined ? undefined : await store.notify.channel(ctx.name, input.id);
  if (input.id !== undefined && !existing) throw new NotFoundError(`no alert channel ${input.id} on cluster ${ctx.name}`, 'channelId');
  const { secret, email, id: _id, ...rest } = input;
  const kept = existing?.kind === input.kind ? existing : undefined;
  const keptSecret = secret === null ? undefined : (secret ?? kept?.secret);
  let mail: AlertChannel['email'];
  if (email) {
    const { password, ...server } = email;
    const keptPassword = password === null ? undefined : (password ?? kept?.email?.password);
    mail = { ...server, ...(keptPassword ? { password: keptPassword } : {}) };
  }
  const channel: AlertChannel = { ...rest, id: input.id ?? `channel-${randomBytes(5).toString('hex')}`, ...(keptSecret ? { secret: keptSecret } : {}), ...(mail ? { email: mail } : {}) };
  await auditedAlertChange(ctx, { action: 'alert-channel', op: existing ? 'update' : 'create', id: channel.id, before: existing && channelView(existing), after: channelView(channel) }, () => store.notify.putChannel(ctx.name, channel, ctx.actor.user, Date.now()));
  return channelView(channel);
}

export async function deleteChannel(ctx: ChangeContext, input: { channelId: string }): Promise<{ deleted: string }> {
  const store = await ctx.store();
  const existing = await store.notify.channel(ctx.name, input.channelId);
  if (!existing) throw new NotFoundError(`no alert channel ${input.channelId} on cluster ${ctx.name}`, 'channelId');
  await auditedAlertChange(ctx, { action: 'alert-channel', op: 'delete', id: existing.id, before: channelView(existing), after: undefined }, () => store.notify.deleteChannel(ctx.name, existing.id));
  return { deleted: existing.id };
}

/** Sends a test message now and answers how it went (sent with the receiver's answer, or failed and why). */
export async function testChannel(ctx: ClusterContext, input: { channelId: string }): Promise<Delivery> {
  const store = await ctx.store();
  if (!(await store.notify.channel(ctx.name, input.channelId))) throw new NotFoundError(`no alert channel ${input.channelId} on cluster ${ctx.name}`, 'channelId');
  return ctx.alerts.notifier.sendTest(input.channelId);
}

export async function listDeliveries(ctx: ClusterContext, query: { limit: number; before?: number; channelId?: string }): Promise<{ deliveries: Delivery[]; next?: number }> {
  const deliveries = await (await ctx.store()).notify.deliveries(ctx.name, query);
  return { deliveries, ...(deliveries.length === query.limit ? { next: deliveries.at(-1)!.id } : {}) };
}
