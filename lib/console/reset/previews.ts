import { randomUUID } from 'node:crypto';
import type { ResetPreview } from './types';

export const PREVIEW_TTL_MS = 15 * 60_000;

/**
 * Previews live in the server process for 15 minutes: applying one applies exactly its targets. A restart
 * forgets them (the operator previews again); what must survive a crash is in the audit log.
 */
const holder = globalThis as typeof globalThis & { __resetPreviews?: Map<string, ResetPreview> };
const previews = (holder.__resetPreviews ??= new Map());

export function savePreview(preview: Omit<ResetPreview, 'previewId' | 'createdAt' | 'expiresAt'>, now = Date.now()): ResetPreview {
  for (const [id, p] of previews) if (p.expiresAt < now) previews.delete(id);
  const saved: ResetPreview = { ...preview, previewId: randomUUID(), createdAt: now, expiresAt: now + PREVIEW_TTL_MS };
  previews.set(saved.previewId, saved);
  return saved;
}

export function takePreview(id: string, now = Date.now()): ResetPreview | undefined {
  const p = previews.get(id);
  if (!p || p.expiresAt < now) return undefined;
  return p;
}

export function dropPreview(id: string): void {
  previews.delete(id);
}
