'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { BacklogTopic } from '@/lib/console/dlq/overview';
import { isNotFound } from '../api/client';
import { useDeadLetters } from '../api/groups';
import { RedriveDialog } from '../dlq/RedriveDialog';
import { formatCount } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { Card, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

/** The group's retry and dead-letter topics, a way to browse them, and sending dead letters back. */
export function DeadLetters({ group, changeBlocked }: { group: string; changeBlocked?: string }) {
  const t = useTranslations('groups.deadLetters');
  const cluster = useCluster();
  const query = useDeadLetters(cluster, group);
  const [redrive, setRedrive] = useState(false);
  const d = query.data;
  return (
    <Card
      id="group-dead-letters"
      title={t('title')}
      className="mb-5"
      actions={
        d?.dlq && d.dlq.messages > 0 ? (
          <DisabledReasonButton onClick={() => setRedrive(true)} disabledReason={changeBlocked} testId="redrive" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            {t('redrive')}
          </DisabledReasonButton>
        ) : undefined
      }
    >
      {query.error && !isNotFound(query.error) && <div className="p-4"><ErrorState message={query.error.message} /></div>}
      {!d && !query.error && <div className="px-4"><Spinner /></div>}
      {d && (
        <table className="min-w-full text-sm" data-testid="dead-letters">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('topic')}</th>
              <th className="px-3 py-2 text-right">{t('messages')}</th>
              <th className="px-3 py-2">{t('oldest')}</th>
              <th className="px-3 py-2">{t('newest')}</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <Row kind="retry" label={t('retry')} topic={d.retry} name={`%RETRY%${group}`} cluster={cluster} what={t('retryNone')} />
            {d.popRetry.map((p) => <Row key={p.topic} kind="pop-retry" label={t('popRetry')} topic={p} name={p.topic} cluster={cluster} what="" />)}
            <Row kind="dlq" label={t('deadLetters')} topic={d.dlq} name={`%DLQ%${group}`} cluster={cluster} what={t('dlqNone')} />
          </tbody>
        </table>
      )}
      {redrive && <RedriveDialog group={group} onClose={() => setRedrive(false)} />}
    </Card>
  );
}

function Row({ kind, label, topic, name, cluster, what }: { kind: 'retry' | 'pop-retry' | 'dlq'; label: string; topic?: BacklogTopic; name: string; cluster: string; what: string }) {
  const t = useTranslations('groups.deadLetters');
  return (
    <tr data-testid={`backlog-${kind}`}>
      <td className="px-3 py-1.5">
        <span className="text-slate-500">{label}</span> <span className="font-mono text-xs">{name}</span>
      </td>
      {topic ? (
        <>
          <td className="num px-3 py-1.5 font-medium" data-testid="backlog-count">{formatCount(topic.messages)}</td>
          <td className="px-3 py-1.5"><Timestamp ms={topic.oldest} compact /></td>
          <td className="px-3 py-1.5"><Timestamp ms={topic.newest} compact /></td>
          <td className="px-3 py-1.5 text-right">
            {topic.messages > 0 && (
              <Link className="text-blue-700 hover:underline" href={`${paths.messages(cluster)}?mode=range&topic=${encodeURIComponent(name)}`}>
                {t('browse')}
              </Link>
            )}
            {topic.errors.length > 0 && <span className="ml-2 text-xs text-amber-800">{topic.errors.join('; ')}</span>}
          </td>
        </>
      ) : (
        <td colSpan={4} className="px-3 py-1.5 text-slate-500">{t('none', { what })}</td>
      )}
    </tr>
  );
}
