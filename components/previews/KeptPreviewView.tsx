'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import type { ChangePlan } from '@/lib/console/changes/types';
import type { ResetPreview } from '@/lib/console/reset/types';
import { errorText } from '../api/client';
import { useResetApply } from '../api/groups';
import { useKeptPreview } from '../api/previews';
import { ConfirmChange } from '../changes/ConfirmChange';
import { paths } from '../paths';
import { ConfirmApply } from '../reset/ConfirmApply';
import { Card, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { useCluster } from '../useCluster';

/**
 * A plan someone (an assistant through MCP, a colleague) prepared, opened by its link: the same confirm step as
 * the page it would have been made on, so the person who confirms sees every line and types what they would there.
 * Applied, it lands on its audit entry; cancelled, nothing happens.
 */
export function KeptPreviewView({ previewId }: { previewId: string }) {
  const t = useTranslations('previews');
  const cluster = useCluster();
  const kept = useKeptPreview(cluster, previewId);
  if (kept.isPending) return <Spinner label={t('loading')} />;
  if (kept.error) return <ErrorState title={t('cannotOpen')} message={errorText(kept.error)} />;
  const answer = kept.data;
  return (
    <>
      {answer.preparedBy && (
        <p className="mb-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="prepared-by">
          {t.rich('preparedBy', { user: answer.preparedBy.user, strong: (chunks) => <span className="font-medium">{chunks}</span> })}
        </p>
      )}
      {answer.kind === 'reset' ? <ResetToConfirm preview={answer.preview} /> : <ChangeToConfirm plan={answer.plan} />}
    </>
  );
}

function Expiry({ expiresAt }: { expiresAt: number }) {
  const t = useTranslations('previews');
  return (
    <p className="mb-3 text-sm text-slate-600" data-testid="preview-expiry">
      {t.rich('expiry', { time: () => <Timestamp ms={expiresAt} /> })}
    </p>
  );
}

function ResetToConfirm({ preview }: { preview: ResetPreview }) {
  const cluster = useCluster();
  const router = useRouter();
  const apply = useResetApply(cluster, preview.group);
  const t = useTranslations('previews');
  return (
    <Card title={<>{t('resetOf')} <Link className="font-mono text-blue-700 hover:underline" href={paths.group(cluster, preview.group)}>{preview.group}</Link></>}>
      <div className="p-4">
        <Expiry expiresAt={preview.expiresAt} />
        <ConfirmApply preview={preview} apply={apply} onApplied={(r) => router.push(paths.auditEntry(cluster, r.auditId))} onCancel={() => router.push(paths.group(cluster, preview.group))} />
      </div>
    </Card>
  );
}

function ChangeToConfirm({ plan }: { plan: ChangePlan }) {
  const cluster = useCluster();
  const router = useRouter();
  const t = useTranslations('previews');
  return (
    <Card title={<>{t('changeOn', { action: plan.action })} <span className="font-mono">{plan.target.name}</span></>}>
      <div className="p-4">
        <Expiry expiresAt={plan.expiresAt} />
        <ConfirmChange plan={plan} onApplied={(r) => router.push(paths.auditEntry(cluster, r.auditId))} onCancel={() => router.push(paths.audit(cluster))} />
      </div>
    </Card>
  );
}
