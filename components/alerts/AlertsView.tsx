'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { isBrokerKind, type AlertRule } from '@/lib/console/alerts/rules';
import type { AlertView } from '@/lib/console/alerts/view';
import { rulesExportUrl, useAck, useAlertHistory, useAlertRules, useAlerts, useAddSilence, useDeleteRule, useEndSilence, useImportRules, useSilences } from '../api/alerts';
import { errorText } from '../api/client';
import { useCan } from '../api/session';
import { formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { Badge, SeverityBadge } from '../ui/Badge';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { formatFigure, formatThreshold, kindLabel, subjectHref } from './format';
import { Channels, Deliveries } from './Channels';
import { RuleDialog } from './RuleDialog';

const PHASE_TONE = { firing: 'bg-red-50 text-red-700 ring-red-200', pending: 'bg-amber-50 text-amber-800 ring-amber-200', resolved: 'bg-emerald-50 text-emerald-700 ring-emerald-200' } as const;
const button = 'rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50';
const th = 'px-3 py-2';
const td = 'px-3 py-1.5';

/** The alerts page: what fires now, the rules, where alerts are sent and what was sent, silences and the history of transitions. */
export function AlertsView() {
  return (
    <>
      <CurrentAlerts />
      <Rules />
      <Channels />
      <Deliveries />
      <Silences />
      <History />
    </>
  );
}

function CurrentAlerts() {
  const cluster = useCluster();
  const query = useAlerts(cluster);
  const canAck = useCan(cluster, 'alert:ack');
  const [silencing, setSilencing] = useState<AlertView | undefined>();
  const ack = useAck(cluster);
  const t = useTranslations('alerts');
  const d = query.data;
  return (
    <Card
      title={t('now.title')}
      className="mb-5"
      actions={d?.lastEvaluation ? <span className="text-xs text-slate-500" data-testid="last-evaluation">{t.rich(d.lastEvaluation.evaluatedHere ? 'now.evaluated' : 'now.evaluatedElsewhere', { time: () => <Timestamp ms={d.lastEvaluation!.at} compact /> })}</span> : undefined}
    >
      {query.error && <div className="p-4"><ErrorState message={query.error.message} onRetry={() => void query.refetch()} /></div>}
      {!d && !query.error && <div className="px-4"><Spinner /></div>}
      {d && d.alerts.length === 0 && (
        <div className="p-4"><EmptyState title={t('now.emptyTitle')}>{d.rules === 0 ? t('now.emptyNoRule') : t('now.emptyRules', { count: d.rules })}</EmptyState></div>
      )}
      {d && d.alerts.length > 0 && (
        <table className="min-w-full text-sm" data-testid="alerts">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className={th}>{t('now.state')}</th><th className={th}>{t('now.rule')}</th><th className={th}>{t('now.group')}</th><th className={`${th} text-right`}>{t('now.figure')}</th><th className={th}>{t('now.activeSince')}</th><th className={th}>{t('now.handled')}</th><th className={th} /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {d.alerts.map((a) => (
              <tr key={`${a.ruleId}/${a.subject}`} data-testid="alert-row" data-phase={a.phase} data-group={a.subject}>
                <td className={td}><Badge tone={PHASE_TONE[a.phase]}>{t(`phase.${a.phase}`)}</Badge></td>
                <td className={td}>
                  <SeverityBadge severity={a.severity} /> <span className="font-medium">{a.ruleName}</span>
                  {a.note && <div className="text-xs text-slate-500">{a.note}</div>}
                </td>
                <td className={td}><Link className="text-blue-700 hover:underline" href={subjectHref(cluster, a.subject, a.kind)}>{a.subject}</Link></td>
                <td className={`${td} text-right tabular-nums`} data-testid="alert-figure">
                  {formatFigure(t, a.kind, a.value)} <span className="text-xs text-slate-500">{formatThreshold(t, a.kind, a.threshold)}</span>
                  {a.unknown && <div className="text-xs text-amber-800">{t('now.cannotEvaluate', { reason: a.unknown.reason })}</div>}
                </td>
                <td className={td}><Timestamp ms={a.activeAt} /></td>
                <td className={td} data-testid="alert-handled">
                  {a.silencedBy && <div title={a.silencedBy.reason}>{t.rich('now.silencedBy', { by: a.silencedBy.createdBy, time: () => <Timestamp ms={a.silencedBy!.endsAt} showAge={false} /> })}</div>}
                  {a.ack && <div>{a.ack.comment ? t('now.acknowledgedByWithComment', { by: a.ack.by, comment: a.ack.comment }) : t('now.acknowledgedBy', { by: a.ack.by })}</div>}
                </td>
                <td className={`${td} whitespace-nowrap text-right`}>
                  {a.phase !== 'resolved' && !a.ack && (
                    <DisabledReasonButton className={button} disabledReason={canAck.reason} testId="ack" onClick={() => ack.mutate({ ruleId: a.ruleId, subject: a.subject })}>{t('now.acknowledge')}</DisabledReasonButton>
                  )}{' '}
                  {a.phase !== 'resolved' && !a.silencedBy && (
                    <DisabledReasonButton className={button} disabledReason={canAck.reason} testId="silence" onClick={() => setSilencing(a)}>{t('now.silence')}</DisabledReasonButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ack.error && <p className="px-4 py-2 text-sm text-red-700" role="alert">{errorText(ack.error)}</p>}
      {d && d.unknownCount > 0 && (
        <div className="border-t border-slate-100 px-4 py-2 text-xs text-amber-800" data-testid="alerts-unknown">
          {t('now.unknown', { count: d.unknownCount, list: d.unknown.slice(0, 5).map((u) => `${u.subject} (${u.reason})`).join('; ') })}
        </div>
      )}
      {silencing && <SilenceForm alert={silencing} onClose={() => setSilencing(undefined)} />}
    </Card>
  );
}

function SilenceForm({ alert, onClose }: { alert: AlertView; onClose: () => void }) {
  const cluster = useCluster();
  const [hours, setHours] = useState('2');
  const [reason, setReason] = useState('');
  const [allGroups, setAllGroups] = useState(false);
  const add = useAddSilence(cluster);
  const t = useTranslations('alerts');
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-6" role="dialog" aria-modal="true" aria-label={t('silenceForm.label')}>
      <div className="w-full max-w-lg rounded-lg bg-white shadow-xl">
        <div className="border-b border-slate-200 px-5 py-3 font-semibold">{t('silenceForm.title', { rule: alert.ruleName })}</div>
        <div className="space-y-3 px-5 py-4 text-sm">
          <label className="flex items-center gap-2"><input type="checkbox" checked={allGroups} onChange={(e) => setAllGroups(e.target.checked)} /> {t('silenceForm.allGroups', { group: alert.subject })}</label>
          <label className="block">{t('silenceForm.hours')}<input className="w-full rounded border border-slate-300 px-2 py-1" type="number" min={0.1} step={0.5} value={hours} onChange={(e) => setHours(e.target.value)} aria-label={t('silenceForm.hoursLabel')} /></label>
          <label className="block">{t('silenceForm.reason')}<input className="w-full rounded border border-slate-300 px-2 py-1" value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('silenceForm.reasonLabel')} placeholder={t('silenceForm.reasonPlaceholder')} /></label>
        </div>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
          {add.error && <span className="mr-auto text-sm text-red-700" role="alert">{errorText(add.error)}</span>}
          <button type="button" className={button} onClick={onClose}>{t('silenceForm.cancel')}</button>
          <button
            type="button"
            className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white"
            data-testid="confirm-silence"
            onClick={() => add.mutate({ ruleId: alert.ruleId, ...(allGroups ? {} : { subjectPattern: alert.subject }), durationMs: Math.round(Number(hours) * 3_600_000), reason }, { onSuccess: onClose })}
          >
            {t('silenceForm.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}

function Rules() {
  const cluster = useCluster();
  const query = useAlertRules(cluster);
  const canEdit = useCan(cluster, 'alert:rules');
  const remove = useDeleteRule(cluster);
  const importRules = useImportRules(cluster);
  const [editing, setEditing] = useState<AlertRule | 'new' | undefined>();
  const file = useRef<HTMLInputElement>(null);
  const t = useTranslations('alerts');
  const rules = query.data?.rules;
  return (
    <Card
      title={t('rules.title')}
      className="mb-5"
      actions={
        <div className="flex items-center gap-2">
          <a className={button} href={rulesExportUrl(cluster)} data-testid="export-rules">{t('rules.export')}</a>
          <DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="import-rules" onClick={() => file.current?.click()}>{t('rules.import')}</DisabledReasonButton>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            className="hidden"
            data-testid="import-file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              const parsed = JSON.parse(await f.text()) as { rules?: unknown[] };
              importRules.mutate({ rules: parsed.rules ?? [], mode: 'merge' });
              e.target.value = '';
            }}
          />
          <DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="new-rule" onClick={() => setEditing('new')}>{t('rules.newRule')}</DisabledReasonButton>
        </div>
      }
    >
      {query.error && <div className="p-4"><ErrorState message={query.error.message} /></div>}
      {!rules && !query.error && <div className="px-4"><Spinner /></div>}
      {importRules.data && <p className="px-4 py-2 text-sm text-emerald-800" data-testid="import-result">{t('rules.imported', { created: importRules.data.created, replaced: importRules.data.replaced })}</p>}
      {importRules.error && <p className="px-4 py-2 text-sm text-red-700" role="alert">{errorText(importRules.error)}</p>}
      {rules && rules.length === 0 && <div className="p-4"><EmptyState title={t('rules.emptyTitle')}>{t('rules.emptyBody')}</EmptyState></div>}
      {rules && rules.length > 0 && (
        <table className="min-w-full text-sm" data-testid="rules">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className={th}>{t('rules.name')}</th><th className={th}>{t('rules.kind')}</th><th className={th}>{t('rules.scope')}</th><th className={`${th} text-right`}>{t('rules.threshold')}</th><th className={`${th} text-right`}>{t('rules.for')}</th><th className={th}>{t('rules.severity')}</th><th className={th} /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rules.map((r) => (
              <tr key={r.id} data-testid="rule-row" data-rule={r.id}>
                <td className={td}><span className="font-medium">{r.name}</span>{!r.enabled && <span className="ml-1 text-xs text-slate-500">{t('rules.disabled')}</span>}</td>
                <td className={td}>{kindLabel(t, r.kind)}</td>
                <td className={`${td} font-mono text-xs`}>{isBrokerKind(r.kind) ? (r.brokerPattern ? t('rules.broker', { pattern: r.brokerPattern }) : t('rules.everyBroker')) : [r.groupPattern ? t('rules.group', { pattern: r.groupPattern }) : t('rules.everyGroup'), r.topicPattern ? t('rules.topic', { pattern: r.topicPattern }) : ''].filter(Boolean).join(', ')}</td>
                <td className={`${td} text-right tabular-nums`}>{formatThreshold(t, r.kind, r.threshold)}</td>
                <td className={`${td} text-right tabular-nums`}>{r.forMs === 0 ? t('rules.atOnce') : formatDuration(r.forMs)}</td>
                <td className={td}><SeverityBadge severity={r.severity} /></td>
                <td className={`${td} whitespace-nowrap text-right`}>
                  <DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="edit-rule" onClick={() => setEditing(r)}>{t('rules.edit')}</DisabledReasonButton>{' '}
                  <DisabledReasonButton className={button} disabledReason={canEdit.reason} testId="delete-rule" onClick={() => window.confirm(t('rules.confirmDelete', { name: r.name })) && remove.mutate(r.id)}>{t('rules.delete')}</DisabledReasonButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <RuleDialog rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

function Silences() {
  const cluster = useCluster();
  const query = useSilences(cluster);
  const canAck = useCan(cluster, 'alert:ack');
  const end = useEndSilence(cluster);
  const names = new Map((useAlertRules(cluster).data?.rules ?? []).map((r) => [r.id, r.name]));
  const t = useTranslations('alerts');
  const silences = query.data?.silences;
  if (!silences || silences.length === 0) return null;
  return (
    <Card title={t('silences.title')} className="mb-5">
      <table className="min-w-full text-sm" data-testid="silences">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr><th className={th}>{t('silences.rule')}</th><th className={th}>{t('silences.groups')}</th><th className={th}>{t('silences.until')}</th><th className={th}>{t('silences.reason')}</th><th className={th}>{t('silences.by')}</th><th className={th} /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {silences.map((s) => (
            <tr key={s.id} data-testid="silence-row">
              <td className={td}>{s.ruleId ? (names.get(s.ruleId) ?? s.ruleId) : t('silences.everyRule')}</td>
              <td className={`${td} font-mono text-xs`}>{s.subjectPattern ?? t('silences.everyGroup')}</td>
              <td className={td}><Timestamp ms={s.endsAt} /></td>
              <td className={td}>{s.reason}</td>
              <td className={td}>{s.createdBy}</td>
              <td className={`${td} text-right`}><DisabledReasonButton className={button} disabledReason={canAck.reason} testId="end-silence" onClick={() => end.mutate(s.id)}>{t('silences.endNow')}</DisabledReasonButton></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function History() {
  const cluster = useCluster();
  const query = useAlertHistory(cluster);
  const t = useTranslations('alerts');
  const events = query.data?.events;
  return (
    <Card title={t('history.title')} className="mb-5">
      {!events && <div className="px-4"><Spinner /></div>}
      {events && events.length === 0 && <p className="px-4 py-3 text-sm text-slate-500">{t('history.empty')}</p>}
      {events && events.length > 0 && (
        <table className="min-w-full text-sm" data-testid="alert-history">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className={th}>{t('history.at')}</th><th className={th}>{t('history.rule')}</th><th className={th}>{t('history.group')}</th><th className={th}>{t('history.change')}</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => (
              <tr key={e.id} data-testid="history-row">
                <td className={td}><Timestamp ms={e.at} /></td>
                <td className={td}>{e.ruleName ?? e.ruleId}</td>
                <td className={td}><Link className="text-blue-700 hover:underline" href={subjectHref(cluster, e.subject)}>{e.subject}</Link></td>
                <td className={td}>{t(`phase.${e.from}`)} → {t(`phase.${e.to}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
