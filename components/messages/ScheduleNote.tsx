'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MessageSchedule } from '@/lib/console/messages/schedule';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { Timestamp } from '../ui/Timestamp';

/** A delayed or timer message: when it is (was) due, and whether the broker has delivered it to its real topic. */
export function ScheduleNote({ schedule }: { schedule: MessageSchedule }) {
  const t = useTranslations('messages.schedule');
  const cluster = useCluster();
  const what = schedule.kind === 'timer' ? t('timer') : schedule.delay ? t('delayedAs', { level: String(schedule.level), delay: schedule.delay }) : t('delayed', { level: String(schedule.level) });
  const { waiting, delivered } = schedule;
  const overdue = schedule.state === 'waiting' && schedule.dueAt !== undefined && schedule.dueAt < Date.now() - 60_000;
  const tone = overdue ? 'border-red-300 bg-red-50 text-red-900' : schedule.state === 'waiting' ? 'border-sky-300 bg-sky-50 text-sky-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900';
  return (
    <div className={`rounded-lg border px-4 py-3 text-sm ${tone}`} data-testid="schedule-note" data-state={schedule.state}>
      <div className="font-medium">
        {t('headline', { what, state: schedule.state === 'waiting' ? (overdue ? t('overdue') : t('waiting')) : t('delivered'), realTopic: schedule.realTopic })}
      </div>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        <span>
          {t('due')}<span data-testid="due-at">{schedule.dueAt !== undefined ? <Timestamp ms={schedule.dueAt} /> : t('dueUnknown')}</span>
        </span>
        {waiting && (
          <span>
            {t.rich('waitedIn', {
              topic: waiting.topic,
              brokerName: waiting.brokerName,
              link: (chunks) => <Link className="underline" href={paths.message(cluster, waiting.offsetMsgId)}>{chunks}</Link>,
              time: () => <Timestamp ms={waiting.storeTimestamp} showAge={false} />,
            })}
          </span>
        )}
        {delivered && (
          <span data-testid="delivered">
            {t.rich('storedIn', {
              topic: delivered.topic,
              brokerName: delivered.brokerName,
              queueId: String(delivered.queueId),
              queueOffset: String(delivered.queueOffset),
              link: (chunks) => <Link className="underline" href={paths.message(cluster, delivered.offsetMsgId)}>{chunks}</Link>,
              time: () => <Timestamp ms={delivered.storeTimestamp} showAge={false} />,
            })}
          </span>
        )}
      </div>
    </div>
  );
}
