'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { BatchView } from '@/lib/console/messages/batch';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { Card } from '../ui/states';

/** The messages sent in the same batch as this one, in the order the producer sent them. */
export function BatchNote({ batch, topic, current }: { batch: BatchView; topic: string; current: string }) {
  const t = useTranslations('messages.batch');
  const cluster = useCluster();
  return (
    <Card title={t(batch.complete ? 'title' : 'titleOpen', { position: String(batch.position), size: String(batch.size) })}>
      <ol className="flex flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-xs" data-testid="batch">
        {batch.members.map((m, i) => (
          <li key={m.offsetMsgId} className="font-mono" data-testid="batch-member">
            <span className="mr-1 text-slate-400">{i + 1}.</span>
            {m.offsetMsgId === current ? (
              <b>{m.keys[0] ?? m.msgId}</b>
            ) : (
              <Link className="text-blue-700 hover:underline" href={paths.message(cluster, m.msgId, topic)}>
                {m.keys[0] ?? m.msgId}
              </Link>
            )}
            <span className="ml-1 text-slate-400">@{m.queueOffset}</span>
          </li>
        ))}
      </ol>
      <p className="border-t border-slate-100 px-4 py-1.5 text-xs text-slate-500">
        {t('note')}{batch.complete ? '' : t('more')}
      </p>
    </Card>
  );
}
