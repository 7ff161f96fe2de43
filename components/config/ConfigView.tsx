'use client';

import { useTranslations } from 'next-intl';
import { parseAsBoolean, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useEffect, useState } from 'react';
import type { ConfigTable } from '@/lib/console/brokers/config-view';
import type { ChangeResult } from '@/lib/console/changes/types';
import { useChangePreview } from '../api/changes';
import { useConfigTable } from '../api/config';
import { useCan } from '../api/session';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter } from '../changes/FormParts';
import { URL_STATE_OPTIONS } from '../urlState';
import { useCluster } from '../useCluster';
import { Badge } from '../ui/Badge';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

const params = {
  of: parseAsStringLiteral(['brokers', 'namesrv'] as const).withDefault('brokers'),
  search: parseAsString.withDefault(''),
  differing: parseAsBoolean.withDefault(false),
};

/**
 * Every configuration key of every broker (or namesrv) side by side, searchable; rows where brokers of one cluster
 * differ are marked; select keys and edit them together through the change pipeline.
 */
export function ConfigView() {
  const t = useTranslations('config');
  const cluster = useCluster();
  const [state, set] = useQueryStates(params, URL_STATE_OPTIONS);
  const [draft, setDraft] = useState(state.search);
  useEffect(() => {
    if (draft === state.search) return;
    const id = setTimeout(() => void set({ search: draft }), 300);
    return () => clearTimeout(id);
  }, [draft, state.search, set]);
  const qs = new URLSearchParams({ ...(state.search ? { search: state.search } : {}), ...(state.differing ? { differing: '1' } : {}) }).toString();
  const query = useConfigTable(cluster, state.of, qs);
  const canChange = useCan(cluster, 'cluster:change');
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const data = query.data;
  const editable = data?.rows.filter((r) => selected.includes(r.key) && !r.secret) ?? [];
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <select aria-label={t('view.configurationOf')} value={state.of} onChange={(e) => (setSelected([]), void set({ of: e.target.value as 'brokers' | 'namesrv' }))} className="rounded border border-slate-300 bg-white px-2 py-1.5 shadow-sm">
          <option value="brokers">{t('view.brokers')}</option>
          <option value="namesrv">{t('view.namesrvs')}</option>
        </select>
        <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t('view.search')} aria-label={t('view.search')} className="w-72 rounded border border-slate-300 bg-white px-3 py-1.5 shadow-sm" />
        <label className="flex cursor-pointer items-center gap-1.5">
          <input type="checkbox" checked={state.differing} onChange={(e) => void set({ differing: e.target.checked })} />
          {t('view.onlyDiffering')}
        </label>
        <div className="ml-auto flex items-center gap-3">
          <DisabledReasonButton
            onClick={() => setEditing(true)}
            disabledReason={canChange.reason ?? (editable.length === 0 ? t('view.selectToEdit') : undefined)}
            testId="edit-config"
            className="rounded border border-slate-300 bg-white px-2.5 py-1 font-medium shadow-sm hover:bg-slate-50"
          >
            {editable.length ? t('view.editCount', { count: editable.length }) : t('view.editSelected')}
          </DisabledReasonButton>
          <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
        </div>
      </div>
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && (data.rows.length === 0 ? <EmptyState title={t('view.noMatch')} /> : <ConfigGrid table={data} selected={selected} onSelect={setSelected} />)}
      {editing && data && <ConfigEditDialog of={state.of} table={data} keys={editable.map((r) => r.key)} onClose={() => setEditing(false)} />}
    </div>
  );
}

function ConfigGrid({ table, selected, onSelect }: { table: ConfigTable; selected: string[]; onSelect: (keys: string[]) => void }) {
  const t = useTranslations('config');
  return (
    <Card>
      <div className="max-h-[70vh] overflow-auto">
        <table className="min-w-full text-sm" data-testid="config-table">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-8 px-2 py-2"><span className="sr-only">{t('grid.select')}</span></th>
              <th className="px-3 py-2">{t('grid.key')}</th>
              {table.columns.map((c) => <th key={c.addr} className="px-3 py-2" title={c.addr}>{c.label}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((r) => (
              <tr key={r.key} data-testid="config-row" data-key={r.key} data-differs={r.differs || undefined} className={r.differs ? 'bg-amber-50' : undefined}>
                <td className="px-2 py-1">
                  <input type="checkbox" aria-label={t('grid.selectKey', { key: r.key })} checked={selected.includes(r.key)} disabled={r.secret} onChange={(e) => onSelect(e.target.checked ? [...selected, r.key] : selected.filter((k) => k !== r.key))} />
                </td>
                <td className="px-3 py-1 font-mono text-xs">
                  {r.key} {r.differs && <Badge tone="bg-amber-100 text-amber-800 ring-amber-200" title={t('grid.differsTitle')}>{t('grid.differs')}</Badge>}{' '}
                  {r.secret && <Badge title={t('grid.secretTitle')}>{t('grid.secret')}</Badge>}
                  {r.runtime && <Badge tone="bg-emerald-50 text-emerald-700 ring-emerald-200" title={t('grid.runtimeTitle')}>{t('grid.runtime')}</Badge>}
                </td>
                {table.columns.map((c) => (
                  <td key={c.addr} className="max-w-64 truncate px-3 py-1 font-mono text-xs" title={r.values[c.addr] ?? t('grid.absent')}>
                    {r.values[c.addr] ?? <span className="text-slate-400">{t('grid.absent')}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function ConfigEditDialog({ of, table, keys, onClose }: { of: 'brokers' | 'namesrv'; table: ConfigTable; keys: string[]; onClose: () => void }) {
  const t = useTranslations('config');
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const clusters = [...new Set(table.columns.map((c) => c.clusterName).filter((c): c is string => Boolean(c)))];
  const brokerNames = [...new Set(table.columns.map((c) => c.brokerName).filter((b): b is string => Boolean(b)))];
  const [scope, setScope] = useState(clusters[0] ? `cluster:${clusters[0]}` : '');
  const [includeSlaves, setIncludeSlaves] = useState(false);
  const first = (key: string) => table.rows.find((r) => r.key === key)?.values[table.columns[0]!.addr] ?? '';
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(keys.map((k) => [k, first(k)])));
  const submit = () => {
    const changes = values;
    if (of === 'namesrv') return preview.mutate({ action: 'namesrv.config', request: { changes } });
    const [kind, name] = scope.split(':') as ['cluster' | 'broker', string];
    preview.mutate({ action: 'broker.config', request: { ...(kind === 'cluster' ? { clusterName: name } : { brokerName: name }), includeSlaves, changes } });
  };
  return (
    <ChangeModal title={of === 'namesrv' ? t('edit.namesrvTitle') : t('edit.brokerTitle')} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          {of === 'brokers' && (
            <div className="flex flex-wrap items-center gap-3">
              <label className="flex items-center gap-2">
                <span className="text-slate-600">{t('edit.on')}</span>
                <select value={scope} onChange={(e) => setScope(e.target.value)} aria-label={t('edit.on')} className="rounded border border-slate-300 px-2 py-1">
                  {clusters.map((c) => <option key={c} value={`cluster:${c}`}>{t('edit.everyMasterOf', { cluster: c })}</option>)}
                  {brokerNames.map((b) => <option key={b} value={`broker:${b}`}>{t('edit.broker', { brokerName: b })}</option>)}
                </select>
              </label>
              <label className="flex items-center gap-1.5">
                <input type="checkbox" checked={includeSlaves} onChange={(e) => setIncludeSlaves(e.target.checked)} />
                {t('edit.slavesToo')}
              </label>
            </div>
          )}
          {keys.map((k) => (
            <label key={k} className="flex items-center gap-2">
              <span className="w-72 truncate font-mono text-xs text-slate-700" title={k}>{k}</span>
              <input value={values[k] ?? ''} onChange={(e) => setValues({ ...values, [k]: e.target.value })} aria-label={t('edit.newValueOf', { key: k })} className="w-80 rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
            </label>
          ))}
          <PlanFormFooter error={preview.error} pending={preview.isPending} onCancel={onClose} />
        </form>
      )}
    </ChangeModal>
  );
}
