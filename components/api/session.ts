'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { refusal, type Principal } from '@/lib/console/auth/principal';
import type { Permission, Role, RoleBinding } from '@/lib/console/core/roles';
import { fetchJson } from './client';
import { refusalText } from './refusal-text';

/** What /api/session answers. */
export interface SessionView {
  user: string;
  displayName: string;
  kind: Principal['kind'];
  authEnabled: boolean;
  mustChangePassword: boolean;
  bindings: RoleBinding[];
  defaultCluster: string;
  clusters: Array<{ name: string; readOnly: boolean; role: Role | null; accountReadOnly?: string; accountKey?: string }>;
  /** The language and theme the user chose (on any browser); absent = not chosen. */
  preferences?: { locale?: string; theme?: string };
}

export const sessionKeys = { session: ['session'] as const };

export function useSession() {
  return useQuery({ queryKey: sessionKeys.session, queryFn: () => fetchJson<SessionView>('/api/session'), staleTime: 60_000 });
}

/**
 * Whether the signed-in user may do something on a cluster, and if not why: the same rule the server applies
 * (role per cluster, read-only clusters), so a disabled button says what the API would answer.
 */
export function useCan(cluster: string, permission: Permission): { allowed: boolean; reason?: string } {
  const session = useSession().data;
  const t = useTranslations('states.refusal');
  if (!session) return { allowed: false, reason: t('checking') };
  const config = session.clusters.find((c) => c.name === cluster);
  const principal: Principal = { kind: session.kind, user: session.user, displayName: session.displayName, bindings: session.bindings, mustChangePassword: session.mustChangePassword };
  const refused = refusal(principal, permission, config);
  return refused ? { allowed: false, reason: refusalText(t, refused) } : { allowed: true };
}
