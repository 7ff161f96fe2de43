'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from './api/client';

/** A session that ended (expired, revoked, signed out elsewhere): back to the sign-in page, then back here. */
function signInAgain(error: unknown): void {
  if (!(error instanceof ApiError) || error.code !== 'unauthenticated' || window.location.pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: signInAgain }),
        mutationCache: new MutationCache({ onError: signInAgain }),
        defaultOptions: {
          queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false },
        },
      }),
  );
  useEffect(() => {
    // lets end-to-end tests wait until the page reacts to input (typing before hydration is lost)
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>{children}</NuqsAdapter>
    </QueryClientProvider>
  );
}
