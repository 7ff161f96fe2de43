'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RulePreview } from '@/lib/console/alerts/manage';
import type { AlertRule } from '@/lib/console/alerts/rules';
import type { ChannelInput } from '@/lib/console/alerts/notify/schema';
import type { ChannelView, Delivery } from '@/lib/console/alerts/notify/types';
import type { AlertRuleInput } from '@/lib/console/alerts/schema';
import type { AlertsPage } from '@/lib/console/alerts/view';
import type { AlertEvent, AlertSilence } from '@/lib/console/store';
import { api } from '../paths';
import { fetchJson, postJson } from './client';
import { clusterKeys } from './clusters';

export const alertKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'alerts'] as const,
  current: (c: string) => [...alertKeys.all(c), 'current'] as const,
  rules: (c: string) => [...alertKeys.all(c), 'rules'] as const,
  history: (c: string) => [...alertKeys.all(c), 'history'] as const,
  silences: (c: string) => [...alertKeys.all(c), 'silences'] as const,
  channels: (c: string) => [...alertKeys.all(c), 'channels'] as const,
  deliveries: (c: string) => [...alertKeys.all(c), 'deliveries'] as const,
};

const base = (c: string) => `${api(c)}/alerts`;

export function useAlerts(c: string) {
  return useQuery({ queryKey: alertKeys.current(c), queryFn: () => fetchJson<AlertsPage>(base(c)), refetchInterval: 15_000 });
}

export function useAlertRules(c: string) {
  return useQuery({ queryKey: alertKeys.rules(c), queryFn: () => fetchJson<{ rules: AlertRule[] }>(`${base(c)}/rules`) });
}

export function useAlertHistory(c: string) {
  return useQuery({ queryKey: alertKeys.history(c), queryFn: () => fetchJson<{ events: Array<AlertEvent & { ruleName?: string }> }>(`${base(c)}/history?limit=100`), refetchInterval: 30_000 });
}

export function useSilences(c: string) {
  return useQuery({ queryKey: alertKeys.silences(c), queryFn: () => fetchJson<{ silences: AlertSilence[] }>(`${base(c)}/silences`), refetchInterval: 30_000 });
}

export function useRulePreview(c: string) {
  return useMutation({ mutationFn: (rule: AlertRuleInput) => postJson<RulePreview>(`${base(c)}/rules/preview`, rule) });
}

/** Every alert list of the cluster reads again after a change. */
function useAlertMutation<I, O>(c: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all(c) }) });
}

export function useSaveRule(c: string) {
  return useAlertMutation(c, ({ id, rule }: { id?: string; rule: AlertRuleInput }) =>
    id ? fetchJson<AlertRule>(`${base(c)}/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(rule) }) : postJson<AlertRule>(`${base(c)}/rules`, rule),
  );
}

export function useDeleteRule(c: string) {
  return useAlertMutation(c, (id: string) => fetchJson<{ deleted: string }>(`${base(c)}/rules/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

export function useImportRules(c: string) {
  return useAlertMutation(c, (body: { rules: unknown[]; mode: 'merge' | 'replace' }) => postJson<{ created: number; replaced: number; deleted: number }>(`${base(c)}/rules/import`, body));
}

export function useAddSilence(c: string) {
  return useAlertMutation(c, (body: { ruleId?: string; subjectPattern?: string; durationMs: number; reason: string }) => postJson<AlertSilence>(`${base(c)}/silences`, body));
}

export function useEndSilence(c: string) {
  return useAlertMutation(c, (id: number) => fetchJson<{ ended: number }>(`${base(c)}/silences/${id}`, { method: 'DELETE' }));
}

export function useAck(c: string) {
  return useAlertMutation(c, (body: { ruleId: string; subject: string; comment?: string }) => postJson<{ activeAt: number }>(`${base(c)}/ack`, body));
}

export const rulesExportUrl = (c: string) => `${base(c)}/rules/export`;

export function useChannels(c: string) {
  return useQuery({ queryKey: alertKeys.channels(c), queryFn: () => fetchJson<{ channels: ChannelView[] }>(`${base(c)}/channels`) });
}

export function useDeliveries(c: string) {
  return useQuery({ queryKey: alertKeys.deliveries(c), queryFn: () => fetchJson<{ deliveries: Delivery[] }>(`${base(c)}/deliveries?limit=50`), refetchInterval: 15_000 });
}

/** The body the API takes: the secret fields left out keep the stored ones. */
export type ChannelBody = Omit<ChannelInput, 'email'> & { email?: Omit<NonNullable<ChannelInput['email']>, 'secure'> & { secure?: boolean } };

export function useSaveChannel(c: string) {
  return useAlertMutation(c, ({ id, channel }: { id?: string; channel: ChannelBody }) =>
    id ? fetchJson<ChannelView>(`${base(c)}/channels/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(channel) }) : postJson<ChannelView>(`${base(c)}/channels`, channel),
  );
}

export function useDeleteChannel(c: string) {
  return useAlertMutation(c, (id: string) => fetchJson<{ deleted: string }>(`${base(c)}/channels/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

export function useTestChannel(c: string) {
  return useAlertMutation(c, (id: string) => postJson<Delivery>(`${base(c)}/channels/${encodeURIComponent(id)}/test`));
}
