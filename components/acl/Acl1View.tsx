'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AccessControlOverview, BrokerAcl } from '@/lib/console/acl/overview';
import { useCan } from '../api/session';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Timestamp } from '../ui/Timestamp';
import { Card } from '../ui/states';
import { useCluster } from '../useCluster';
import { Acl1AccountDialog, WhiteListDialog } from './Acl1Dialogs';
import { DeleteDialog } from './AclChangeDialogs';

const small = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium shadow-sm hover:bg-slate-50';
type Dialog = { kind: 'account'; accessKey?: string } | { kind: 'white' } | { kind: 'delete'; accessKey: string };

function Presence({ broker }: { broker: BrokerAcl }) {
  const t = useTranslations('acl');
  const p = broker.lookup;
  if (!p) return <span className="text-slate-400">–</span>;
  if (p.kind === 'present') return <span className="font-medium text-emerald-700">{t('acl1.hasIt')}</span>;
  if (p.kind === 'absent') return <span className="font-medium text-slate-700">{t('acl1.doesNotHaveIt')}</span>;
  return <span className="text-amber-800">{t('acl1.unknown', { reason: p.reason })}</span>;
}

/**
 * ACL 1.0 (plain_acl.yml): what a 4.9.8 / 5.2+ broker still tells (each ACL file and its version), an account looked
 * up by its access key on every broker, and the changes the broker still takes.
 */
export function Acl1View({ data, account, onLookup }: { data: AccessControlOverview; account: string | undefined; onLookup: (accessKey: string | undefined) => void }) {
  const cluster = useCluster();
  const blocked = useCan(cluster, 'cluster:change').reason;
  const t = useTranslations('acl');
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [lookup, setLookup] = useState(account ?? '');
  const close = () => setDialog(undefined);
  const looked = data.lookup !== undefined && data.lookup === account;
  const present = looked && data.brokers.some((b) => b.lookup?.kind === 'present');
  return (
    <>
      {dialog?.kind === 'account' && <Acl1AccountDialog accessKey={dialog.accessKey} onClose={close} />}
      {dialog?.kind === 'white' && <WhiteListDialog onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteDialog title={t('acl1.deleteAccountTitle', { key: dialog.accessKey })} action="acl1.account.delete" request={{ accessKey: dialog.accessKey }} onClose={close} />}
      <Card
        title={t('acl1.title')}
        actions={
          <span className="space-x-2">
            <DisabledReasonButton onClick={() => setDialog({ kind: 'account' })} disabledReason={blocked} testId="acl1-new-account" className={small}>{t('acl1.newAccount')}</DisabledReasonButton>
            <DisabledReasonButton onClick={() => setDialog({ kind: 'white' })} disabledReason={blocked} testId="acl1-white-list" className={small}>{t('acl1.whiteList')}</DisabledReasonButton>
          </span>
        }
      >
        <ul className="list-disc space-y-1 px-8 py-3 text-sm text-slate-700" data-testid="acl-notes">
          {data.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
        <table className="min-w-full text-sm" data-testid="acl1-brokers">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-3 py-2">{t('acl1.broker')}</th><th className="px-3 py-2">{t('acl1.aclFile')}</th><th className="px-3 py-2 text-right">{t('acl1.version')}</th><th className="px-3 py-2">{t('acl1.lastChange')}</th>{looked && <th className="px-3 py-2">{t('acl1.account', { key: data.lookup ?? '' })}</th>}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.brokers.map((b) => (
              <tr key={b.addr} data-testid="acl1-broker" data-broker={`${b.brokerName}/${b.brokerId}`}>
                <td className="px-3 py-1.5"><span className="font-medium">{b.brokerName}/{b.brokerId}</span> <span className="text-xs text-slate-500">{b.addr}</span></td>
                <td className="break-all px-3 py-1.5 font-mono text-xs">{b.acl1 ? b.acl1.files.map((f) => <div key={f.path}>{f.path}</div>) : <span className="text-amber-800">{b.reason}</span>}</td>
                <td className="px-3 py-1.5 text-right tabular-nums" title={t('acl1.versionTitle')}>{b.acl1 ? b.acl1.files.map((f) => <div key={f.path}>{f.version.counter}</div>) : '–'}</td>
                <td className="px-3 py-1.5">{b.acl1 ? b.acl1.files.map((f) => <div key={f.path}><Timestamp ms={f.version.timestamp} /></div>) : '–'}</td>
                {looked && <td className="px-3 py-1.5" data-testid="acl1-presence"><Presence broker={b} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
        <form className="flex flex-wrap items-end gap-3 border-t border-slate-200 p-3 text-sm" onSubmit={(e) => (e.preventDefault(), onLookup(lookup.trim() || undefined))}>
          <label className="flex flex-col"><span className="mb-1 text-slate-600">{t('acl1.lookupLabel')}</span><input value={lookup} onChange={(e) => setLookup(e.target.value)} aria-label={t('acl1.accessKey')} className="w-56 rounded border border-slate-300 px-2 py-1 font-mono" autoComplete="off" /></label>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white">{t('acl1.lookUp')}</button>
          {present && (
            <span className="space-x-2">
              <DisabledReasonButton onClick={() => setDialog({ kind: 'account', accessKey: data.lookup })} disabledReason={blocked} testId="acl1-edit-account" className={small}>{t('acl1.changeAccount', { key: data.lookup ?? '' })}</DisabledReasonButton>
              <DisabledReasonButton onClick={() => setDialog({ kind: 'delete', accessKey: data.lookup! })} disabledReason={blocked ?? (data.lookup === data.account?.accessKey ? t('view.signsWith') : undefined)} testId="acl1-delete-account" className={small}>{t('acl1.deleteAccount', { key: data.lookup ?? '' })}</DisabledReasonButton>
            </span>
          )}
        </form>
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
          {t('acl1.lookupNote')}
        </p>
      </Card>
    </>
  );
}
