'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TokenCreateInput, UserCreateInput, UserPatchInput } from '@/lib/console/auth/schema';
import type { SessionView, UserView } from '@/lib/console/auth/views';
import { fetchJson, postJson } from './client';
import { sessionKeys } from './session';

export type { SessionView, UserView };

export const authKeys = {
  all: ['auth'] as const,
  ownSessions: () => [...authKeys.all, 'sessions', 'own'] as const,
  allSessions: () => [...authKeys.all, 'sessions', 'all'] as const,
  users: () => [...authKeys.all, 'users'] as const,
};

export interface NewToken extends SessionView {
  /** Shown once: the console keeps only its hash. */
  token: string;
}

const e = encodeURIComponent;
const send = <T>(url: string, method: string, body?: unknown) => fetchJson<T>(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

export function useLogin() {
  return useMutation({ mutationFn: (body: { username: string; password: string }) => postJson<{ user: string; mustChangePassword: boolean }>('/api/auth/login', body) });
}

/** Signs out; the caller then navigates to /login (a full load, so nothing of the old session stays in memory). */
export function useLogout() {
  return useMutation({ mutationFn: () => postJson<{ signedOut: true }>('/api/auth/logout') });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { current: string; next: string }) => postJson<{ changed: true }>('/api/auth/password', body),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: sessionKeys.session }), client.invalidateQueries({ queryKey: authKeys.all })]),
  });
}

export function useOwnSessions() {
  return useQuery({ queryKey: authKeys.ownSessions(), queryFn: () => fetchJson<{ items: SessionView[] }>('/api/auth/sessions') });
}

export function useAllSessions() {
  return useQuery({ queryKey: authKeys.allSessions(), queryFn: () => fetchJson<{ items: SessionView[] }>('/api/admin/sessions') });
}

/** Revokes a session or token: own ones through /api/auth, anyone's through /api/admin. */
export function useRevoke(scope: 'own' | 'admin') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<{ revoked: string }>(scope === 'own' ? `/api/auth/sessions/${e(id)}` : `/api/admin/sessions/${e(id)}`, 'DELETE'),
    onSettled: () => client.invalidateQueries({ queryKey: authKeys.all }),
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreateInput) => postJson<NewToken>('/api/auth/tokens', body),
    onSettled: () => client.invalidateQueries({ queryKey: authKeys.all }),
  });
}

export function useUsers() {
  return useQuery({ queryKey: authKeys.users(), queryFn: () => fetchJson<{ items: UserView[] }>('/api/admin/users') });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<UserCreateInput, 'mustChangePassword'> & { mustChangePassword?: boolean }) => postJson<UserView>('/api/admin/users', body),
    onSettled: () => client.invalidateQueries({ queryKey: authKeys.all }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, patch }: { username: string; patch: UserPatchInput }) => send<UserView>(`/api/admin/users/${e(username)}`, 'PATCH', patch),
    onSettled: () => client.invalidateQueries({ queryKey: authKeys.all }),
  });
}

export function useDeleteUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => send<{ deleted: string }>(`/api/admin/users/${e(username)}`, 'DELETE'),
    onSettled: () => client.invalidateQueries({ queryKey: authKeys.all }),
  });
}
