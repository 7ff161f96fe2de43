'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * List state (search, filters, sort, page) lives in the URL, so a view can be shared and survives a reload.
 * `set` merges changes; a value equal to its default (or empty) is dropped from the URL.
 */
export function useUrlState<T extends Record<string, string>>(defaults: T) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = { ...defaults } as T;
  for (const key of Object.keys(defaults) as Array<keyof T & string>) {
    const value = params.get(key);
    if (value !== null) (state as Record<string, string>)[key] = value;
  }
  const set = useCallback(
    (changes: Partial<T>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '' || value === defaults[key]) next.delete(key);
        else next.set(key, value as string);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    // defaults is a fresh object per render; its values are what matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params, router, pathname, JSON.stringify(defaults)],
  );
  return [state, set] as const;
}
