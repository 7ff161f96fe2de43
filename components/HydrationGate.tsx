'use client';

import { useEffect, useState, type ReactNode } from 'react';

/**
 * Marks a Suspense boundary's content as hydrated. React hydrates such a boundary after the shell, so the shell's
 * marker (html[data-hydrated]) can be set while an input inside is not yet live; end-to-end tests wait for both.
 */
export function HydrationGate({ children }: { children: ReactNode }) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="contents" data-hydration={hydrated ? 'done' : 'pending'}>
      {children}
    </div>
  );
}
