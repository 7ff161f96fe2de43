import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function NotFound() {
  const t = useTranslations('states');
  return (
    <EmptyState title={t('nothingHere')}>
      {t('noSuchPage')} <Link className="text-blue-700 underline" href="/">{t('backToClusters')}</Link>
    </EmptyState>
  );
}
