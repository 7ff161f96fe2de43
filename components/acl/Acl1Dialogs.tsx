'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PlanFormFooter } from '../changes/FormParts';
import { Flow } from './AclChangeDialogs';

const input = 'rounded border border-slate-300 px-2 py-1';
const PERMS = ['', 'DENY', 'PUB', 'SUB', 'PUB|SUB'] as const;
const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Create an ACL 1.0 account or change one (the broker merges: what is left empty here stays as it is). */
export function Acl1AccountDialog({ accessKey: existing, onClose }: { accessKey?: string; onClose: () => void }) {
  const [accessKey, setAccessKey] = useState(existing ?? '');
  const [secretKey, setSecretKey] = useState('');
  const [admin, setAdmin] = useState(false);
  const [defaultTopicPerm, setDefaultTopicPerm] = useState('');
  const [defaultGroupPerm, setDefaultGroupPerm] = useState('');
  const [topicPerms, setTopicPerms] = useState('');
  const [groupPerms, setGroupPerms] = useState('');
  const [whiteRemoteAddress, setWhiteRemoteAddress] = useState('');
  const t = useTranslations('acl');
  return (
    <Flow
      title={existing ? t('acl1Dialog.changeTitle', { key: existing }) : t('acl1Dialog.newTitle')}
      onClose={onClose}
      form={(preview, pending, error) => (
        <form
          className="space-y-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            preview({
              action: 'acl1.account.upsert',
              request: {
                accessKey,
                secretKey,
                admin,
                ...(defaultTopicPerm ? { defaultTopicPerm } : {}),
                ...(defaultGroupPerm ? { defaultGroupPerm } : {}),
                ...(topicPerms.trim() ? { topicPerms: list(topicPerms) } : {}),
                ...(groupPerms.trim() ? { groupPerms: list(groupPerms) } : {}),
                ...(whiteRemoteAddress.trim() ? { whiteRemoteAddress: whiteRemoteAddress.trim() } : {}),
              },
            });
          }}
        >
          <div className="grid grid-cols-[11rem_1fr] items-center gap-2">
            <label htmlFor="acl1-ak">{t('acl1Dialog.accessKey')}</label>
            <input id="acl1-ak" value={accessKey} onChange={(e) => setAccessKey(e.target.value)} disabled={Boolean(existing)} className={`${input} w-64 font-mono`} autoComplete="off" />
            <label htmlFor="acl1-sk">{t('acl1Dialog.secretKey')}</label>
            <input id="acl1-sk" type="password" value={secretKey} onChange={(e) => setSecretKey(e.target.value)} placeholder={existing ? t('acl1Dialog.secretPlaceholder') : ''} className={`${input} w-64`} autoComplete="new-password" />
            <label htmlFor="acl1-admin">{t('acl1Dialog.admin')}</label>
            <span><input id="acl1-admin" type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> <span className="text-slate-500">{t('acl1Dialog.adminNote')}</span></span>
            <label htmlFor="acl1-dtp">{t('acl1Dialog.defaultTopicPerm')}</label>
            <select id="acl1-dtp" value={defaultTopicPerm} onChange={(e) => setDefaultTopicPerm(e.target.value)} className={`${input} w-40`}>{PERMS.map((p) => <option key={p} value={p}>{p || (existing ? t('acl1Dialog.unchanged') : t('acl1Dialog.brokerDefault'))}</option>)}</select>
            <label htmlFor="acl1-dgp">{t('acl1Dialog.defaultGroupPerm')}</label>
            <select id="acl1-dgp" value={defaultGroupPerm} onChange={(e) => setDefaultGroupPerm(e.target.value)} className={`${input} w-40`}>{PERMS.map((p) => <option key={p} value={p}>{p || (existing ? t('acl1Dialog.unchanged') : t('acl1Dialog.brokerDefault'))}</option>)}</select>
            <label htmlFor="acl1-tp">{t('acl1Dialog.topicPerms')}</label>
            <input id="acl1-tp" value={topicPerms} onChange={(e) => setTopicPerms(e.target.value)} placeholder="orders=PUB|SUB, audit=DENY" className={`${input} w-96 font-mono`} />
            <label htmlFor="acl1-gp">{t('acl1Dialog.groupPerms')}</label>
            <input id="acl1-gp" value={groupPerms} onChange={(e) => setGroupPerms(e.target.value)} placeholder="app_cg=SUB" className={`${input} w-96 font-mono`} />
            <label htmlFor="acl1-wra">{t('acl1Dialog.whiteAddress')}</label>
            <input id="acl1-wra" value={whiteRemoteAddress} onChange={(e) => setWhiteRemoteAddress(e.target.value)} placeholder={t('acl1Dialog.whiteAddressPlaceholder', { example: '192.168.1.*' })} className={`${input} w-80 font-mono`} />
          </div>
          <p className="text-slate-500">{t('acl1Dialog.note')}</p>
          <PlanFormFooter error={error} pending={pending} onCancel={onClose} />
        </form>
      )}
    />
  );
}

/** Replace the global white list of every broker's plain_acl.yml. */
export function WhiteListDialog({ onClose }: { onClose: () => void }) {
  const [addresses, setAddresses] = useState('');
  const t = useTranslations('acl');
  return (
    <Flow
      title={t('acl1Dialog.whiteListTitle')}
      onClose={onClose}
      form={(preview, pending, error) => (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), preview({ action: 'acl1.whiteAddrs.update', request: { addresses: list(addresses) } }))}>
          <label className="flex flex-col">
            <span className="mb-1">{t('acl1Dialog.addresses')}</span>
            <input value={addresses} onChange={(e) => setAddresses(e.target.value)} aria-label={t('acl1Dialog.addressesLabel')} placeholder="10.1.*, 192.168.1.1-100" className={`${input} w-96 font-mono`} />
          </label>
          <p className="text-slate-500">{t('acl1Dialog.whiteListNote')}</p>
          <PlanFormFooter error={error} pending={pending} onCancel={onClose} />
        </form>
      )}
    />
  );
}
