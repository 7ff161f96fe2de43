'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Say } from '@/lib/console/core/say';

/**
 * A sentence the server made, in the page's language: from its catalog key when it came with one (a plan's `said`
 * looked up by the English text, a diagnosis' own), else the server's English as it is (a broker's own words).
 */
export function useSaid(): (english: string, say: Say | undefined) => string {
  const t = useTranslations();
  return useCallback((english, say) => (say ? t(say.key, say.values) : english), [t]);
}
