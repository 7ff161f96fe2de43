import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { MessageSearch } from '@/components/messages/MessageSearch';
import { RangeScan } from '@/components/messages/RangeScan';
import { PageHeader } from '@/components/shell/PageHeader';
import { Spinner } from '@/components/ui/states';

export const metadata: Metadata = { title: 'Messages' };

export default function MessagesPage() {
  return (
    <>
      <PageHeader crumbs={[{ label: 'Messages' }]} title="Messages" subtitle="Find a message by ID, by key, or by topic and time; open it, trace it, resend it" />
      <Suspense fallback={<Spinner />}>
        <MessageSearch range={<RangeScan />} />
      </Suspense>
    </>
  );
}
