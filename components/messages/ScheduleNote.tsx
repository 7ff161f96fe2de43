'use client';

import Link from 'next/link';
import type { MessageSchedule } from '@/lib/console/messages/schedule';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { Timestamp } from '../ui/Timestamp';

/** A delayed or timer message: when it is (was) due, and whether the broker has delivered it to its real topic. */
export function ScheduleNote({ schedule }: { schedule: MessageSchedule }) {
  const cluster = useCluster();
  const what = schedule.kind === 'timer' ? 'Timer message' : `Delayed message, level ${schedule.level}${schedule.delay ? ` (${schedule.delay})` : ''}`;
  const overdue = schedule.state === 'waiting' && schedule.dueAt !== undefined && schedule.dueAt < Date.now() - 60_000;
  const tone = overdue ? 'border-red-300 bg-red-50 text-red-900' : schedule.state === 'waiting' ? 'border-sky-300 bg-sky-50 text-sky-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900';
  return (
    <div className={`rounded-lg border px-4 py-3 text-sm ${tone}`} data-testid="schedule-note" data-state={schedule.state}>
      <div className="font-medium">
        {what}: {schedule.state === 'waiting' ? (overdue ? 'overdue, not delivered yet' : 'waiting') : 'delivered'} to {schedule.realTopic}
      </div>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        <span>
          due <span data-testid="due-at">{schedule.dueAt !== undefined ? <Timestamp ms={schedule.dueAt} /> : 'unknown (the waiting copy is no longer stored)'}</span>
        </span>
        {schedule.waiting && (
          <span>
            waited in{' '}
            <Link className="underline" href={paths.message(cluster, schedule.waiting.offsetMsgId)}>
              {schedule.waiting.topic}
            </Link>{' '}
            on {schedule.waiting.brokerName} since <Timestamp ms={schedule.waiting.storeTimestamp} showAge={false} />
          </span>
        )}
        {schedule.delivered && (
          <span data-testid="delivered">
            stored in{' '}
            <Link className="underline" href={paths.message(cluster, schedule.delivered.offsetMsgId)}>
              {schedule.delivered.topic}
            </Link>{' '}
            ({schedule.delivered.brokerName} queue {schedule.delivered.queueId}, offset {schedule.delivered.queueOffset}) at <Timestamp ms={schedule.delivered.storeTimestamp} showAge={false} />
          </span>
        )}
      </div>
    </div>
  );
}
