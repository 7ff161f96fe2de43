'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AccessControlOverview, PolicyRow, UserRow } from '@/lib/console/acl/overview';
import { useAccessControl, useAccessSimulation } from '../api/acl';
import { useCan } from '../api/session';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Acl1View } from './Acl1View';
import { DeleteDialog, PolicyDialog, UserDialog } from './AclChangeDialogs';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { useSaid } from '../ui/said';

/** ACL 2.0 users and policies, where the brokers' copies differ, and a simulator of the broker's decision. */
export function AccessControlView() {
  const cluster = useCluster();
  const [account, setAccount] = useState<string | undefined>();
  const query = useAccessControl(cluster, account);
  const t = useTranslations('acl');
  const data = query.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        {data ? <AccountLine data={data} /> : <span />}
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && data.mode === 'off' && (
        <Card title={t('view.offTitle')}>
          <ul className="list-disc space-y-1 px-8 py-3 text-sm text-slate-700" data-testid="acl-notes">
            {data.notes.map((n) => <li key={n}>{n}</li>)}
          </ul>
        </Card>
      )}
      {data && data.mode === 'acl1' && <Acl1View data={data} account={account} onLookup={setAccount} />}
      {data && data.mode !== 'off' && data.mode !== 'acl1' && data.mode !== 'unknown' && (
        <>
          {data.mode === 'mixed' && <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('view.mixed', { brokers: data.brokers.filter((b) => b.state === 'off').map((b) => `${b.brokerName}/${b.brokerId}`).join(', ') })}</p>}
          <UsersCard users={data.users} account={data.account?.accessKey} />
          <PoliciesCard policies={data.policies} users={data.users.map((u) => u.username)} />
          <Simulator users={data.users.map((u) => u.username)} />
        </>
      )}
    </div>
  );
}

function AccountLine({ data }: { data: AccessControlOverview }) {
  const t = useTranslations('acl');
  if (data.account?.mayChange === false) {
    return (
      <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="acl-account">
        {t.rich('view.readOnlyAccount', { accessKey: data.account.accessKey, mono: (c) => <span className="font-mono font-medium">{c}</span> })}
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-600" data-testid="acl-account">
      {data.account ? (
        t.rich('view.signsAs', { accessKey: data.account.accessKey, type: data.account.userType ? t('view.userType', { type: data.account.userType }) : '', mono: (c) => <span className="font-mono font-medium text-slate-900">{c}</span> })
      ) : (
        t('view.signsNothing')
      )}
    </p>
  );
}

function Where({ on, missingOn }: { on: string[]; missingOn: string[] }) {
  const t = useTranslations('acl');
  return (
    <span className="text-xs">
      {missingOn.length === 0 ? <span className="text-slate-500">{t('view.everyBroker', { count: on.length })}</span> : <span className="font-medium text-amber-800">{t('view.onlyOn', { on: on.join(', '), missing: missingOn.join(', ') })}</span>}
    </span>
  );
}

type Dialog = { kind: 'user'; user?: UserRow } | { kind: 'policy'; entry?: PolicyRow } | { kind: 'delete'; title: string; action: string; request: unknown };

const small = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium shadow-sm hover:bg-slate-50';

function DialogOf({ dialog, users, onClose }: { dialog: Dialog | undefined; users: string[]; onClose: () => void }) {
  if (!dialog) return null;
  if (dialog.kind === 'user') return <UserDialog user={dialog.user} onClose={onClose} />;
  if (dialog.kind === 'policy') return <PolicyDialog users={users} entry={dialog.entry} onClose={onClose} />;
  return <DeleteDialog title={dialog.title} action={dialog.action} request={dialog.request} onClose={onClose} />;
}

function UsersCard({ users, account }: { users: UserRow[]; account?: string }) {
  const cluster = useCluster();
  const t = useTranslations('acl');
  const blocked = useCan(cluster, 'cluster:change').reason;
  const [dialog, setDialog] = useState<Dialog | undefined>();
  return (
    <Card
      title={t('users.title', { count: users.length })}
      actions={<DisabledReasonButton onClick={() => setDialog({ kind: 'user' })} disabledReason={blocked} testId="acl-new-user" className={small}>{t('users.newUser')}</DisabledReasonButton>}
    >
      <DialogOf dialog={dialog} users={users.map((u) => u.username)} onClose={() => setDialog(undefined)} />
      {users.length === 0 ? (
        <div className="p-4"><EmptyState title={t('users.empty')} /></div>
      ) : (
        <table className="min-w-full text-sm" data-testid="acl-users">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-3 py-2">{t('users.user')}</th><th className="px-3 py-2">{t('users.type')}</th><th className="px-3 py-2">{t('users.status')}</th><th className="px-3 py-2">{t('users.heldBy')}</th><th className="px-3 py-2" /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.username} data-testid="acl-user" data-user={u.username}>
                <td className="px-3 py-1.5 font-mono">{u.username}</td>
                <td className="px-3 py-1.5">{u.userType}</td>
                <td className={`px-3 py-1.5 ${u.userStatus === 'disable' ? 'font-medium text-red-700' : ''}`}>{u.userStatus === 'disable' ? t('users.disabled') : t('users.enabled')}</td>
                <td className="px-3 py-1.5"><Where on={u.on} missingOn={u.missingOn} />{u.differsOn.length > 0 && <span className="ml-2 text-xs text-amber-800">{t('users.differs', { brokers: u.differsOn.join(', ') })}</span>}</td>
                <td className="space-x-2 whitespace-nowrap px-3 py-1.5 text-right">
                  <DisabledReasonButton onClick={() => setDialog({ kind: 'user', user: u })} disabledReason={blocked} testId="acl-edit-user" className={small}>{t('users.change')}</DisabledReasonButton>
                  <DisabledReasonButton
                    onClick={() => setDialog({ kind: 'delete', title: t('users.deleteTitle', { name: u.username }), action: 'acl.user.delete', request: { username: u.username } })}
                    disabledReason={blocked ?? (u.username === account ? t('view.signsWith') : undefined)}
                    testId="acl-delete-user"
                    className={small}
                  >
                    {t('users.delete')}
                  </DisabledReasonButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">{t('users.passwords')}</p>
    </Card>
  );
}

function PoliciesCard({ policies, users }: { policies: PolicyRow[]; users: string[] }) {
  const cluster = useCluster();
  const t = useTranslations('acl');
  const blocked = useCan(cluster, 'cluster:change').reason;
  const [dialog, setDialog] = useState<Dialog | undefined>();
  return (
    <Card
      title={t('policies.title', { count: policies.length })}
      actions={<DisabledReasonButton onClick={() => setDialog({ kind: 'policy' })} disabledReason={blocked} testId="acl-new-policy" className={small}>{t('policies.newEntry')}</DisabledReasonButton>}
    >
      <DialogOf dialog={dialog} users={users} onClose={() => setDialog(undefined)} />
      {policies.length === 0 ? (
        <div className="p-4"><EmptyState title={t('policies.empty')} /></div>
      ) : (
        <table className="min-w-full text-sm" data-testid="acl-policies">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-3 py-2">{t('policies.subject')}</th><th className="px-3 py-2">{t('policies.resource')}</th><th className="px-3 py-2">{t('policies.actions')}</th><th className="px-3 py-2">{t('policies.from')}</th><th className="px-3 py-2">{t('policies.decision')}</th><th className="px-3 py-2">{t('policies.type')}</th><th className="px-3 py-2">{t('policies.heldBy')}</th><th className="px-3 py-2" /></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {policies.map((p) => (
              <tr key={`${p.subject} ${p.policyType} ${p.resource} ${p.decision} ${p.actions.join()}`} data-testid="acl-policy">
                <td className="px-3 py-1.5 font-mono">{p.subject}</td>
                <td className="px-3 py-1.5 font-mono">{p.resource}</td>
                <td className="px-3 py-1.5">{p.actions.join(', ')}</td>
                <td className="px-3 py-1.5">{p.sourceIps.length ? p.sourceIps.join(', ') : t('policies.anywhere')}</td>
                <td className={`px-3 py-1.5 font-medium ${p.decision === 'Deny' ? 'text-red-700' : 'text-emerald-700'}`}>{p.decision}</td>
                <td className="px-3 py-1.5 text-slate-500">{p.policyType}</td>
                <td className="px-3 py-1.5"><Where on={p.on} missingOn={p.missingOn} /></td>
                <td className="space-x-2 whitespace-nowrap px-3 py-1.5 text-right">
                  <DisabledReasonButton onClick={() => setDialog({ kind: 'policy', entry: p })} disabledReason={blocked} testId="acl-edit-policy" className={small}>{t('policies.change')}</DisabledReasonButton>
                  <DisabledReasonButton
                    onClick={() => setDialog({ kind: 'delete', title: t('policies.deleteTitle', { subject: p.subject, resource: p.resource }), action: 'acl.policy.delete', request: { subject: p.subject, resource: p.resource, policyType: p.policyType } })}
                    disabledReason={blocked}
                    testId="acl-delete-policy"
                    className={small}
                  >
                    {t('policies.delete')}
                  </DisabledReasonButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

const ACTIONS = ['Pub', 'Sub', 'Create', 'Update', 'Delete', 'Get', 'List'];

/** "May U do A on R from I?" as a 5.5 broker decides it from these policies. */
function Simulator({ users }: { users: string[] }) {
  const cluster = useCluster();
  const [form, setForm] = useState({ user: users.find((u) => u !== 'rocketmq') ?? users[0] ?? '', action: 'Pub', resource: 'Topic:', sourceIp: '127.0.0.1' });
  const [asked, setAsked] = useState<typeof form | undefined>();
  const answer = useAccessSimulation(cluster, asked);
  const t = useTranslations('acl');
  const said = useSaid();
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <Card title={t('simulator.title')}>
      <form className="flex flex-wrap items-end gap-3 p-3 text-sm" onSubmit={(e) => (e.preventDefault(), setAsked({ ...form }))}>
        <label className="flex flex-col"><span className="mb-1 text-slate-600">{t('simulator.user')}</span><input list="acl-user-names" value={form.user} onChange={set('user')} aria-label={t('simulator.user')} className="w-40 rounded border border-slate-300 px-2 py-1 font-mono" /></label>
        <datalist id="acl-user-names">{users.map((u) => <option key={u} value={u} />)}</datalist>
        <label className="flex flex-col"><span className="mb-1 text-slate-600">{t('simulator.action')}</span><select value={form.action} onChange={set('action')} aria-label={t('simulator.action')} className="rounded border border-slate-300 px-2 py-1">{ACTIONS.map((a) => <option key={a}>{a}</option>)}</select></label>
        <label className="flex flex-col"><span className="mb-1 text-slate-600">{t('simulator.resource')}</span><input value={form.resource} onChange={set('resource')} aria-label={t('simulator.resource')} placeholder="Topic:orders" className="w-56 rounded border border-slate-300 px-2 py-1 font-mono" /></label>
        <label className="flex flex-col"><span className="mb-1 text-slate-600">{t('simulator.fromIp')}</span><input value={form.sourceIp} onChange={set('sourceIp')} aria-label={t('simulator.sourceIp')} className="w-36 rounded border border-slate-300 px-2 py-1 font-mono" /></label>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white">{t('simulator.ask')}</button>
      </form>
      <div className="px-3 pb-3 text-sm">
        {answer.isFetching && <Spinner />}
        {answer.error && <ErrorState title={t('simulator.cannotAnswer')} message={answer.error.message} />}
        {answer.data && !answer.isFetching && (
          <div data-testid="acl-answer" data-decision={answer.data.decision} className={`rounded border px-3 py-2 ${answer.data.decision === 'Allow' ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}>
            <div className="font-semibold">{answer.data.decision === 'Allow' ? t('simulator.allowed') : t('simulator.denied')}</div>
            <div>{said(answer.data.reason, answer.data.reasonSay)}</div>
            {answer.data.matched.length > 1 && <div className="mt-1 text-xs">{t('simulator.alsoMatched', { list: answer.data.matched.slice(1).map((m) => `${m.resource} ${m.decision}`).join('; ') })}</div>}
            {answer.data.note && <div className="mt-1 text-xs text-amber-800">{said(answer.data.note, answer.data.noteSay)}</div>}
          </div>
        )}
      </div>
    </Card>
  );
}
