'use client';

import { useTranslations } from 'next-intl';
import { ErrorState } from '@/components/ui/states';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('states');
  return <ErrorState message={error.message || t('renderFailed')} onRetry={reset} />;
}
