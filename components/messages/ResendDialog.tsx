'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { errorText } from '../api/client';
import { useResendApply, useResendPreview } from '../api/messages';
import { paths } from '../paths';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { useCluster } from '../useCluster';
import { formatCount } from '../format';
import { ErrorState, Spinner } from '../ui/states';
import { useSaid } from '../ui/said';

/** Resend one message to one online client of a group: preview, type the group name, send; audited. */
export function ResendDialog({ msgId, topic, group, onClose }: { msgId: string; topic: string; group: string; onClose: () => void }) {
  const t = useTranslations('messages.resend');
  const said = useSaid();
  const cluster = useCluster();
  const [clientId, setClientId] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const previewing = useResendPreview(cluster, msgId);
  const sending = useResendApply(cluster, msgId);
  const { mutate } = previewing;
  useEffect(() => mutate({ group, topic, ...(clientId ? { clientId } : {}) }), [mutate, group, topic, clientId]);
  const preview = previewing.data;
  const result = sending.data;
  const busy = sending.isPending;
  const failure = previewing.error ?? sending.error;
  const error = failure ? errorText(failure) : undefined;
  const send = () => {
    if (preview) sending.mutate({ previewId: preview.previewId, confirm: typed });
  };

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" role="dialog" aria-modal="true" aria-label={t('label', { group })}>
      <div className="w-full max-w-2xl rounded-lg bg-white shadow-xl">
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 className="text-lg font-semibold">
            {t('title')}<span className="font-mono">{group}</span>
          </h2>
          <button type="button" onClick={onClose} className="text-slate-500 hover:text-slate-900" aria-label={t('close')}>✕</button>
        </div>
        <div className="space-y-4 px-5 py-4 text-sm">
          {!preview && !error && <Spinner label={t('previewing')} />}
          {error && <ErrorState title={t('cannot')} message={error} />}
          {preview && !result && (
            <>
              <p>
                {t.rich('explain', {
                  brokerName: preview.brokerName,
                  msgId: preview.msgId,
                  queueId: String(preview.queueId),
                  queueOffset: formatCount(preview.queueOffset),
                  mono: (chunks) => <span className="font-mono">{chunks}</span>,
                })}
              </p>
              <label className="flex flex-col gap-1">
                <span className="text-slate-600">{t('client', { count: String(preview.clients.length) })}</span>
                <select name="clientId" value={preview.clientId} onChange={(e) => setClientId(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5 font-mono text-xs">
                  {preview.clients.map((c) => (
                    <option key={c.clientId} value={c.clientId}>{`${c.clientId} (${c.clientAddr})`}</option>
                  ))}
                </select>
              </label>
              <ul className="list-disc space-y-1 pl-5 text-amber-900" data-testid="resend-warnings">
                {preview.warnings.map((w) => (
                  <li key={w}>{said(w, preview.said?.[w])}</li>
                ))}
              </ul>
              <label className="flex flex-col gap-1">
                <span className="text-slate-600">
                  {t.rich('typeToConfirm', { group: preview.group, mono: (chunks) => <span className="font-mono font-semibold">{chunks}</span> })}
                </span>
                <input name="confirm" value={typed} onChange={(e) => setTyped(e.target.value)} className="rounded border border-slate-300 px-2 py-1.5 font-mono" autoComplete="off" />
              </label>
              <div className="flex justify-end gap-2">
                <button type="button" onClick={onClose} className="rounded border border-slate-300 px-4 py-1.5 hover:bg-slate-50">{t('cancel')}</button>
                <DisabledReasonButton
                  disabledReason={busy ? t('sendingReason') : typed !== preview.group ? t('typeReason', { group: preview.group }) : undefined}
                  onClick={send}
                  className="rounded bg-red-600 px-4 py-1.5 font-medium text-white hover:bg-red-700"
                >
                  {busy ? t('sending') : t('resend')}
                </DisabledReasonButton>
              </div>
            </>
          )}
          {result && (
            <div data-testid="resend-result" className={`rounded border px-3 py-2 ${result.status === 'completed' ? 'border-green-300 bg-green-50 text-green-900' : result.status === 'unknown' ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-red-300 bg-red-50 text-red-900'}`}>
              <p className="font-medium">
                {result.status === 'completed'
                  ? t('consumedAgain', { clientId: result.clientId ?? '', result: result.result?.consumeResult ?? '' })
                  : result.status === 'unknown'
                    ? t('unknown', { error: result.error ?? '' })
                    : t('failed', { error: result.error ?? '' })}
              </p>
              {result.result && <p className="text-xs">{t('listenerTook', { ms: formatCount(result.result.spentTimeMills) })}{result.result.order ? t('orderly') : ''}</p>}
              <p className="mt-1 text-xs">
                {t('auditEntry')}{' '}
                <Link className="text-blue-700 hover:underline" href={paths.auditEntry(cluster, result.auditId)}>
                  #{result.auditId}
                </Link>
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
