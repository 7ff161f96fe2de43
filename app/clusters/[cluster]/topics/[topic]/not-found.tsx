'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { paths } from '@/components/paths';
import { EmptyState } from '@/components/ui/states';
import { useCluster } from '@/components/useCluster';

export default function TopicNotFound() {
  const t = useTranslations('topics.page');
  const cluster = useCluster();
  return (
    <EmptyState title={t('notFound')}>
      {t('notFoundHint')} <Link className="text-blue-700 underline" href={paths.topics(cluster)}>{t('allTopics')}</Link>
    </EmptyState>
  );
}
