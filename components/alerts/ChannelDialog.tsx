'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { CHANNEL_KINDS, type ChannelKind, type ChannelView } from '@/lib/console/alerts/notify/types';
import { ALERT_SEVERITIES, type AlertSeverity } from '@/lib/console/alerts/rules';
import { useAlertRules, useSaveChannel, type ChannelBody } from '../api/alerts';
import { errorText } from '../api/client';
import { useCluster } from '../useCluster';
import type { AlertsT } from './format';

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/** A channel kind as the page names it; Slack is a name and reads the same in every language. */
export const channelLabel = (t: AlertsT, kind: ChannelKind): string => (kind === 'slack' ? 'Slack' : t(`channelKinds.${kind}`));
const SIGNED: ReadonlySet<ChannelKind> = new Set(['webhook', 'dingtalk', 'feishu']);

/** Creates or edits a notification channel. Secrets are write-only: left empty, the stored one is kept. */
export function ChannelDialog({ channel, onClose }: { channel?: ChannelView; onClose: () => void }) {
  const cluster = useCluster();
  const rules = useAlertRules(cluster).data?.rules ?? [];
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'webhook');
  const [url, setUrl] = useState(channel?.url ?? '');
  const [secret, setSecret] = useState('');
  const [host, setHost] = useState(channel?.email?.host ?? '');
  const [port, setPort] = useState(String(channel?.email?.port ?? 587));
  const [secure, setSecure] = useState(channel?.email?.secure ?? false);
  const [user, setUser] = useState(channel?.email?.user ?? '');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(channel?.email?.from ?? '');
  const [to, setTo] = useState(channel?.email?.to.join(', ') ?? '');
  const [minSeverity, setMinSeverity] = useState<AlertSeverity>(channel?.minSeverity ?? 'warning');
  const [ruleIds, setRuleIds] = useState<string[]>(channel?.ruleIds ?? []);
  const [sendResolved, setSendResolved] = useState(channel?.sendResolved ?? true);
  const [intervalSeconds, setIntervalSeconds] = useState(String((channel?.minIntervalMs ?? 60_000) / 1000));
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const save = useSaveChannel(cluster);
  const t = useTranslations('alerts');
  const severityWords = useTranslations('states.severity');
  const body = (): ChannelBody => ({
    name,
    kind,
    minSeverity,
    sendResolved,
    enabled,
    minIntervalMs: Math.round(Number(intervalSeconds) * 1000),
    ...(ruleIds.length > 0 ? { ruleIds } : {}),
    ...(kind === 'email'
      ? { email: { host, port: Number(port), secure, from, to: to.split(/[,;\s]+/).filter(Boolean), ...(user ? { user } : {}), ...(password ? { password } : {}) } }
      : { url, ...(SIGNED.has(kind) && secret ? { secret } : {}) }),
  });
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" role="dialog" aria-modal="true" aria-label={channel ? t('channelDialog.editTitle', { name: channel.name }) : t('channelDialog.newTitle')}>
      <div className="w-full max-w-2xl rounded-lg bg-white shadow-xl">
        <div className="border-b border-slate-200 px-5 py-3 text-base font-semibold">{channel ? t('channelDialog.editTitle', { name: channel.name }) : t('channelDialog.newTitle')}</div>
        <div className="grid grid-cols-2 gap-3 px-5 py-4 text-sm">
          <label className="col-span-2">{t('channelDialog.name')}<input className={input} value={name} onChange={(e) => setName(e.target.value)} aria-label={t('channelDialog.nameLabel')} /></label>
          <label className="col-span-2">
            {t('channelDialog.kind')}
            <select className={input} value={kind} onChange={(e) => setKind(e.target.value as ChannelKind)} aria-label={t('channelDialog.kindLabel')}>
              {CHANNEL_KINDS.map((k) => <option key={k} value={k}>{channelLabel(t, k)}</option>)}
            </select>
          </label>
          {kind !== 'email' && (
            <label className="col-span-2">{t('channelDialog.url')}<input className={`${input} font-mono`} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" aria-label={t('channelDialog.url')} /></label>
          )}
          {SIGNED.has(kind) && (
            <label className="col-span-2">
              {kind === 'webhook' ? t('channelDialog.signingKey') : t('channelDialog.robotSecret')}
              <input className={input} type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} placeholder={channel?.secretSet ? t('channelDialog.secretSet') : t('channelDialog.secretNone')} aria-label={t('channelDialog.secretLabel')} />
            </label>
          )}
          {kind === 'email' && (
            <>
              <label>{t('channelDialog.smtpHost')}<input className={input} value={host} onChange={(e) => setHost(e.target.value)} aria-label={t('channelDialog.smtpHost')} /></label>
              <label>{t('channelDialog.port')}<input className={input} type="number" value={port} onChange={(e) => setPort(e.target.value)} aria-label={t('channelDialog.smtpPort')} /></label>
              <label>{t('channelDialog.user')}<input className={input} value={user} autoComplete="off" onChange={(e) => setUser(e.target.value)} aria-label={t('channelDialog.smtpUser')} /></label>
              <label>{t('channelDialog.password')}<input className={input} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={channel?.email?.passwordSet ? t('channelDialog.secretSet') : ''} aria-label={t('channelDialog.smtpPassword')} /></label>
              <label className="col-span-2 flex items-center gap-2"><input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} /> {t('channelDialog.tls')}</label>
              <label>{t('channelDialog.from')}<input className={input} value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('channelDialog.from')} /></label>
              <label>{t('channelDialog.to')}<input className={input} value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('channelDialog.toLabel')} /></label>
            </>
          )}
          <label>
            {t('channelDialog.minSeverity')}
            <select className={input} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as AlertSeverity)} aria-label={t('channelDialog.minSeverityLabel')}>
              {ALERT_SEVERITIES.map((s) => <option key={s} value={s}>{severityWords(s)}</option>)}
            </select>
          </label>
          <label>{t('channelDialog.interval')}<input className={input} type="number" min={0} value={intervalSeconds} onChange={(e) => setIntervalSeconds(e.target.value)} aria-label={t('channelDialog.intervalLabel')} /></label>
          <fieldset className="col-span-2">
            <legend>{t('channelDialog.rules')}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {rules.map((r) => (
                <label key={r.id} className="flex items-center gap-1.5">
                  <input type="checkbox" checked={ruleIds.includes(r.id)} onChange={(e) => setRuleIds(e.target.checked ? [...ruleIds, r.id] : ruleIds.filter((id) => id !== r.id))} />
                  {r.name}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-center gap-2"><input type="checkbox" checked={sendResolved} onChange={(e) => setSendResolved(e.target.checked)} /> {t('channelDialog.sendResolved')}</label>
          <label className="flex items-center gap-2"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('channelDialog.enabled')}</label>
        </div>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
          {save.error && <span className="mr-auto text-sm text-red-700" role="alert">{errorText(save.error)}</span>}
          <button type="button" className="rounded border border-slate-300 bg-white px-3 py-1 text-sm" onClick={onClose}>{t('channelDialog.cancel')}</button>
          <button type="button" className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700" data-testid="save-channel" onClick={() => save.mutate({ id: channel?.id, channel: body() }, { onSuccess: onClose })}>
            {save.isPending ? t('channelDialog.saving') : t('channelDialog.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
