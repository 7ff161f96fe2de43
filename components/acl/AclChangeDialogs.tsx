'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ChangeResult } from '@/lib/console/changes/types';
import type { PolicyRow, UserRow } from '@/lib/console/acl/overview';
import { useChangePreview } from '../api/changes';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter } from '../changes/FormParts';
import { useCluster } from '../useCluster';
import { ErrorState, Spinner } from '../ui/states';

const ACTIONS = ['All', 'Pub', 'Sub', 'Create', 'Update', 'Delete', 'Get', 'List'] as const;
const input = 'rounded border border-slate-300 px-2 py-1';

/** Form, then plan, then confirm, then result: the steps every ACL change goes through. */
export function Flow({ title, onClose, form }: { title: string; onClose: () => void; form: (preview: (request: { action: string; request: unknown }) => void, pending: boolean, error: unknown) => React.ReactNode }) {
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  return (
    <ChangeModal title={title} onClose={onClose}>
      {result ? <ChangeDone result={result} onClose={onClose} /> : preview.data ? <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} /> : form((r) => preview.mutate(r), preview.isPending, preview.error)}
    </ChangeModal>
  );
}

/** Create a user, or change one's password, type or status. */
export function UserDialog({ user, onClose }: { user?: UserRow; onClose: () => void }) {
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [userType, setUserType] = useState(user?.userType ?? 'Normal');
  const [userStatus, setUserStatus] = useState(user?.userStatus ?? 'enable');
  const t = useTranslations('acl');
  return (
    <Flow
      title={user ? t('dialog.changeUserTitle', { name: user.username }) : t('dialog.newUserTitle')}
      onClose={onClose}
      form={(preview, pending, error) => (
        <form
          className="space-y-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            preview({ action: 'acl.user.upsert', request: { username, userType, userStatus, ...(password ? { password } : {}) } });
          }}
        >
          <div className="grid grid-cols-[10rem_1fr] items-center gap-2">
            <label htmlFor="acl-username">{t('dialog.username')}</label>
            <input id="acl-username" value={username} onChange={(e) => setUsername(e.target.value)} disabled={Boolean(user)} className={`${input} w-64 font-mono`} autoComplete="off" />
            <label htmlFor="acl-password">{user ? t('dialog.newPassword') : t('dialog.password')}</label>
            <input id="acl-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={user ? t('dialog.passwordPlaceholder') : ''} className={`${input} w-64`} autoComplete="new-password" />
            <label htmlFor="acl-type">{t('dialog.type')}</label>
            <select id="acl-type" value={userType} onChange={(e) => setUserType(e.target.value as 'Super' | 'Normal')} className={`${input} w-40`}><option>Normal</option><option>Super</option></select>
            <label htmlFor="acl-status">{t('dialog.status')}</label>
            <select id="acl-status" value={userStatus} onChange={(e) => setUserStatus(e.target.value as 'enable' | 'disable')} className={`${input} w-40`}><option value="enable">{t('dialog.enabled')}</option><option value="disable">{t('dialog.disabled')}</option></select>
          </div>
          <p className="text-slate-500">{t('dialog.userNote')}</p>
          <PlanFormFooter error={error} pending={pending} onCancel={onClose} />
        </form>
      )}
    />
  );
}

/** Add or replace one entry of a subject's policy. */
export function PolicyDialog({ users, entry, onClose }: { users: string[]; entry?: PolicyRow; onClose: () => void }) {
  const [subject, setSubject] = useState(entry?.subject ?? `User:${users[0] ?? ''}`);
  const [resource, setResource] = useState(entry?.resource ?? 'Topic:');
  const [actions, setActions] = useState<string[]>(entry?.actions ?? ['Pub', 'Sub']);
  const [sourceIps, setSourceIps] = useState(entry?.sourceIps.join(', ') ?? '');
  const [decision, setDecision] = useState(entry?.decision ?? 'Allow');
  const t = useTranslations('acl');
  const toggle = (a: string) => setActions(actions.includes(a) ? actions.filter((x) => x !== a) : [...actions, a]);
  return (
    <Flow
      title={entry ? t('dialog.changeEntryTitle', { subject: entry.subject, resource: entry.resource }) : t('dialog.newEntryTitle')}
      onClose={onClose}
      form={(preview, pending, error) => (
        <form
          className="space-y-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const ips = sourceIps.split(/[\s,]+/).filter(Boolean);
            preview({ action: 'acl.policy.upsert', request: { subject, resource, actions, sourceIps: ips, decision, policyType: entry?.policyType ?? 'Custom' } });
          }}
        >
          <div className="grid grid-cols-[10rem_1fr] items-center gap-2">
            <label htmlFor="acl-subject">{t('dialog.subject')}</label>
            <select id="acl-subject" value={subject} onChange={(e) => setSubject(e.target.value)} disabled={Boolean(entry)} className={`${input} w-64 font-mono`}>{users.map((u) => <option key={u} value={`User:${u}`}>User:{u}</option>)}</select>
            <label htmlFor="acl-resource">{t('dialog.resource')}</label>
            <input id="acl-resource" value={resource} onChange={(e) => setResource(e.target.value)} disabled={Boolean(entry)} placeholder="Topic:orders, Group:app-*, *" className={`${input} w-64 font-mono`} />
            <span>{t('dialog.actions')}</span>
            <span className="flex flex-wrap gap-3">{ACTIONS.map((a) => <label key={a} className="flex items-center gap-1"><input type="checkbox" checked={actions.includes(a)} onChange={() => toggle(a)} aria-label={t('dialog.actionLabel', { action: a })} />{a}</label>)}</span>
            <label htmlFor="acl-ips">{t('dialog.fromIps')}</label>
            <input id="acl-ips" value={sourceIps} onChange={(e) => setSourceIps(e.target.value)} placeholder={t('dialog.fromIpsPlaceholder', { example: '10.0.0.0/8, 192.168.1.5' })} className={`${input} w-80 font-mono`} />
            <label htmlFor="acl-decision">{t('dialog.decision')}</label>
            <select id="acl-decision" value={decision} onChange={(e) => setDecision(e.target.value as 'Allow' | 'Deny')} className={`${input} w-40`}><option>Allow</option><option>Deny</option></select>
          </div>
          <p className="text-slate-500">{t('dialog.policyNote')}</p>
          <PlanFormFooter error={error} pending={pending} onCancel={onClose} />
        </form>
      )}
    />
  );
}

/** A deletion has nothing to fill in: its plan is asked for at once. */
export function DeleteDialog({ title, action, request, onClose }: { title: string; action: string; request: unknown; onClose: () => void }) {
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const { mutate } = preview;
  const t = useTranslations('acl');
  useEffect(() => mutate({ action, request }), [mutate, action, request]);
  return (
    <ChangeModal title={title} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={onClose} />
      ) : preview.error ? (
        <ErrorState title={t('dialog.cannotPlan')} message={preview.error.message} />
      ) : (
        <Spinner />
      )}
    </ChangeModal>
  );
}
