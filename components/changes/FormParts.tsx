'use client';

import { useTranslations } from 'next-intl';
import { errorText } from '../api/client';
import { ErrorState } from '../ui/states';

/** The end of every change form: why the plan failed, if it did, then Cancel and Preview. */
export function PlanFormFooter({ error, pending, onCancel, errorTitle }: { error: unknown; pending: boolean; onCancel: () => void; errorTitle?: string }) {
  const t = useTranslations('changes.form');
  return (
    <>
      {error ? <ErrorState title={errorTitle ?? t('cannotPlan')} message={errorText(error)} /> : null}
      <div className="flex justify-end gap-2 border-t border-slate-200 pt-3">
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-3 py-1.5">{t('cancel')}</button>
        <button type="submit" disabled={pending} className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white">{pending ? t('planning') : t('preview')}</button>
      </div>
    </>
  );
}

/**
 * Where a topic or group change goes: every master of a RocketMQ cluster (cluster set) or chosen brokers (cluster
 * empty, brokers ticked). labelClass and indentClass line it up with the form's other labels.
 */
export function WhereField({
  clusters,
  masters,
  cluster,
  onCluster,
  brokers,
  onBrokers,
  labelClass,
  indentClass,
}: {
  clusters: string[];
  masters: string[];
  cluster: string;
  onCluster: (cluster: string) => void;
  brokers: string[];
  onBrokers: (brokers: string[]) => void;
  labelClass: string;
  indentClass: string;
}) {
  const t = useTranslations('changes.form');
  return (
    <>
      <label className="flex items-center gap-2">
        <span className={`${labelClass} text-slate-600`}>{t('where')}</span>
        <select value={cluster || '*brokers'} onChange={(e) => onCluster(e.target.value === '*brokers' ? '' : e.target.value)} aria-label={t('where')} className="rounded border border-slate-300 px-2 py-1">
          {clusters.map((c) => <option key={c} value={c}>{t('everyMasterOf', { cluster: c })}</option>)}
          <option value="*brokers">{t('chosenBrokers')}</option>
        </select>
      </label>
      {!cluster && (
        <fieldset className={`flex flex-wrap gap-4 ${indentClass}`}>
          <legend className="sr-only">{t('brokers')}</legend>
          {masters.map((m) => (
            <label key={m} className="flex items-center gap-1.5">
              <input type="checkbox" checked={brokers.includes(m)} onChange={(e) => onBrokers(e.target.checked ? [...brokers, m] : brokers.filter((b) => b !== m))} />
              {m}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
