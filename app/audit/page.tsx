import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { AuditListView } from '@/components/audit/AuditListView';
import { PageHeader } from '@/components/shell/PageHeader';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  return (
    <>
      <PageHeader crumbs={[{ label: 'Audit log' }]} title="Audit log" subtitle="Every offset reset and undo: who, when, what it was about to do, and what it did, queue by queue." />
      <Suspense>
        <HydrationGate>
          <AuditListView />
        </HydrationGate>
      </Suspense>
    </>
  );
}
