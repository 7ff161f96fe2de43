'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCan } from '../api/session';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { RedriveDialog } from './RedriveDialog';

const DLQ_PREFIX = '%DLQ%';

/** On a message of a %DLQ% topic: whose dead letter it is, where it came from, and sending it back. */
export function DeadLetterNote({ topic, offsetMsgId, originalTopic, reconsumeTimes }: { topic: string; offsetMsgId: string; originalTopic?: string; reconsumeTimes: number }) {
  const t = useTranslations('dlq');
  const cluster = useCluster();
  const canChange = useCan(cluster, 'cluster:change');
  const [open, setOpen] = useState(false);
  if (!topic.startsWith(DLQ_PREFIX)) return null;
  const group = topic.slice(DLQ_PREFIX.length);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="dead-letter-note">
      <div>
        {t.rich(originalTopic ? 'note.fromTopic' : 'note.noTopic', {
          count: reconsumeTimes,
          label: (chunks) => <span className="font-medium">{chunks}</span>,
          group: () => <Link className="font-mono underline" href={paths.group(cluster, group)}>{group}</Link>,
          topic: () => <span className="font-mono">{originalTopic}</span>,
        })}
      </div>
      <DisabledReasonButton onClick={() => setOpen(true)} disabledReason={canChange.reason} testId="redrive-one" className="rounded border border-amber-400 bg-white px-2.5 py-1 font-medium shadow-sm hover:bg-amber-100">
        {t('note.sendBack')}
      </DisabledReasonButton>
      {open && <RedriveDialog group={group} offsetMsgIds={[offsetMsgId]} onClose={() => setOpen(false)} />}
    </div>
  );
}
