'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { Say } from '@/lib/console/core/say';

/**
 * A sentence the server made, in the page's language: from its catalog key when it came with one (a Say, or a map
 * from English text to Say as plans carry), else the server's English as it is (a broker's own words).
 */
export function useSaid(): (english: string, said?: Say | Record<string, Say>) => string {
  const t = useTranslations();
  return useCallback(
    (english, said) => {
      const s = said === undefined ? undefined : 'key' in said && typeof said.key === 'string' ? (said as Say) : (said as Record<string, Say>)[english];
      return s ? t(s.key, s.values) : english;
    },
    [t],
  );
}
