'use client';

import { ErrorState } from '@/components/ui/states';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState message={error.message || 'The page failed to render.'} onRetry={reset} />;
}
