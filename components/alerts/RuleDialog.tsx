'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ALERT_KINDS, ALERT_SEVERITIES, isBrokerKind, type AlertKind, type AlertRule, type AlertSeverity } from '@/lib/console/alerts/rules';
import type { AlertRuleInput } from '@/lib/console/alerts/schema';
import { useRulePreview, useSaveRule } from '../api/alerts';
import { errorText } from '../api/client';
import { useCluster } from '../useCluster';
import { formatFigure, kindLabel, subjectHref, thresholdUnit } from './format';

const input = 'w-full rounded border border-slate-300 px-2 py-1 text-sm';

/** Creates or edits a rule; "Preview" shows which groups it would fire for on the current snapshot before saving. */
export function RuleDialog({ rule, onClose }: { rule?: AlertRule; onClose: () => void }) {
  const cluster = useCluster();
  const t = useTranslations('alerts');
  const severityWords = useTranslations('states.severity');
  const [name, setName] = useState(rule?.name ?? '');
  const [kind, setKind] = useState<AlertKind>(rule?.kind ?? 'lag');
  const unit = thresholdUnit(t, kind);
  const [threshold, setThreshold] = useState(String(rule ? unit.fromRule(rule.threshold) : 1000));
  const [forMinutes, setForMinutes] = useState(String(rule ? rule.forMs / 60_000 : 5));
  const [groupPattern, setGroupPattern] = useState(rule?.groupPattern ?? '');
  const [topicPattern, setTopicPattern] = useState(rule?.topicPattern ?? '');
  const [brokerPattern, setBrokerPattern] = useState(rule?.brokerPattern ?? '');
  const broker = isBrokerKind(kind);
  const fixedThreshold = kind === 'no-client' || kind === 'broker-down';
  const [severity, setSeverity] = useState<AlertSeverity>(rule?.severity ?? 'warning');
  const [note, setNote] = useState(rule?.note ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const preview = useRulePreview(cluster);
  const save = useSaveRule(cluster);
  const body = (): AlertRuleInput => ({
    name,
    kind,
    threshold: unit.toRule(Number(threshold)),
    forMs: Math.round(Number(forMinutes) * 60_000),
    severity,
    enabled,
    ...(!broker && groupPattern.trim() ? { groupPattern: groupPattern.trim() } : {}),
    ...(!broker && topicPattern.trim() ? { topicPattern: topicPattern.trim() } : {}),
    ...(broker && brokerPattern.trim() ? { brokerPattern: brokerPattern.trim() } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  const p = preview.data;
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" role="dialog" aria-modal="true" aria-label={rule ? t('ruleDialog.editTitle', { name: rule.name }) : t('ruleDialog.newTitle')}>
      <div className="w-full max-w-3xl rounded-lg bg-white shadow-xl">
        <div className="border-b border-slate-200 px-5 py-3 text-base font-semibold">{rule ? t('ruleDialog.editTitle', { name: rule.name }) : t('ruleDialog.newTitle')}</div>
        <div className="grid grid-cols-2 gap-3 px-5 py-4 text-sm">
          <label className="col-span-2">{t('ruleDialog.name')}<input className={input} value={name} onChange={(e) => setName(e.target.value)} aria-label={t('ruleDialog.nameLabel')} /></label>
          <label>
            {t('ruleDialog.kind')}
            <select className={input} value={kind} onChange={(e) => setKind(e.target.value as AlertKind)} aria-label={t('ruleDialog.kind')}>
              {ALERT_KINDS.map((k) => <option key={k} value={k}>{kindLabel(t, k)}</option>)}
            </select>
          </label>
          <label>
            {t('ruleDialog.threshold', { unit: unit.label })}
            <input className={input} type="number" min={0} value={fixedThreshold ? '1' : threshold} disabled={fixedThreshold} onChange={(e) => setThreshold(e.target.value)} aria-label={t('ruleDialog.thresholdLabel')} />
          </label>
          {broker ? (
            <label className="col-span-2">{t('ruleDialog.brokers')}<input className={input} value={brokerPattern} onChange={(e) => setBrokerPattern(e.target.value)} placeholder={t('ruleDialog.everyBroker')} aria-label={t('ruleDialog.brokerPattern')} /></label>
          ) : (
            <>
              <label>{t('ruleDialog.groups')}<input className={input} value={groupPattern} onChange={(e) => setGroupPattern(e.target.value)} placeholder={t('ruleDialog.everyGroup')} aria-label={t('ruleDialog.groupPattern')} /></label>
              <label>{t('ruleDialog.topics')}<input className={input} value={topicPattern} onChange={(e) => setTopicPattern(e.target.value)} placeholder={t('ruleDialog.anyTopic')} aria-label={t('ruleDialog.topicPattern')} /></label>
            </>
          )}
          <label>{t('ruleDialog.forMinutes')}<input className={input} type="number" min={0} value={forMinutes} onChange={(e) => setForMinutes(e.target.value)} aria-label={t('ruleDialog.forMinutesLabel')} /></label>
          <label>
            {t('ruleDialog.severity')}
            <select className={input} value={severity} onChange={(e) => setSeverity(e.target.value as AlertSeverity)} aria-label={t('ruleDialog.severity')}>
              {ALERT_SEVERITIES.map((s) => <option key={s} value={s}>{severityWords(s)}</option>)}
            </select>
          </label>
          <label className="col-span-2">{t('ruleDialog.note')}<textarea className={input} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('ruleDialog.noteLabel')} /></label>
          <label className="flex items-center gap-2"><input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('ruleDialog.enabled')}</label>
        </div>
        <div className="border-t border-slate-200 px-5 py-3" data-testid="rule-preview">
          <button type="button" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50" onClick={() => preview.mutate(body())} data-testid="preview-rule">
            {preview.isPending ? t('ruleDialog.previewing') : t('ruleDialog.preview')}
          </button>
          {preview.error && <p className="mt-2 text-sm text-red-700" role="alert">{errorText(preview.error)}</p>}
          {p && (
            <div className="mt-2 text-sm">
              <p data-testid="preview-summary">
                {t.rich('ruleDialog.wouldFire', {
                  count: p.wouldFireCount,
                  inScope: p.inScope,
                  subjects: broker ? 'broker' : 'group',
                  held: Number(forMinutes) > 0 ? t('ruleDialog.held', { minutes: forMinutes }) : '',
                  unknown: p.unknown.length > 0 ? t('ruleDialog.unknown', { count: p.unknown.length }) : '',
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              {p.wouldFire.length > 0 && (
                <table className="mt-1 text-sm">
                  <tbody>
                    {p.wouldFire.slice(0, 20).map((g) => (
                      <tr key={g.subject} data-testid="preview-group">
                        <td className="pr-4"><Link className="text-blue-700 hover:underline" href={subjectHref(cluster, g.subject, kind)}>{g.subject}</Link></td>
                        <td className="text-right tabular-nums">{formatFigure(t, kind, g.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {p.unknown.slice(0, 5).map((u) => <p key={u.subject} className="text-xs text-amber-800">{u.subject}: {u.reason}</p>)}
            </div>
          )}
        </div>
        <div className="flex items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
          {save.error && <span className="mr-auto text-sm text-red-700" role="alert">{errorText(save.error)}</span>}
          <button type="button" className="rounded border border-slate-300 bg-white px-3 py-1 text-sm" onClick={onClose}>{t('ruleDialog.cancel')}</button>
          <button type="button" className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700" data-testid="save-rule" onClick={() => save.mutate({ id: rule?.id, rule: body() }, { onSuccess: onClose })}>
            {save.isPending ? t('ruleDialog.saving') : t('ruleDialog.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
