import { randomUUID } from 'node:crypto';

export const PREVIEW_TTL_MS = 15 * 60_000;

/** What every kept preview carries: its id and when it stops being valid. */
export interface Kept {
  previewId: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * Previews of changes kept in the server process for 15 minutes, one store per cluster: applying one applies
 * exactly what was shown. A restart forgets them (the operator previews again); what must survive a crash is in
 * the audit log.
 */
/** Who made a plan for someone else to confirm (an assistant through MCP, with its token's user). */
export interface PreparedBy {
  user: string;
  via: 'mcp';
}

export class PreviewStore<T extends object> {
  private readonly kept = new Map<string, T & Kept>();
  private readonly prepared = new Map<string, PreparedBy>();

  constructor(private readonly ttlMs = PREVIEW_TTL_MS) {}

  save(preview: T, now = Date.now()): T & Kept {
    for (const [id, p] of this.kept) if (p.expiresAt < now) this.drop(id);
    const saved = { ...preview, previewId: randomUUID(), createdAt: now, expiresAt: now + this.ttlMs } as T & Kept;
    this.kept.set(saved.previewId, saved);
    return saved;
  }

  get(id: string, now = Date.now()): (T & Kept) | undefined {
    const p = this.kept.get(id);
    return p && p.expiresAt >= now ? p : undefined;
  }

  drop(id: string): void {
    this.kept.delete(id);
    this.prepared.delete(id);
  }

  /** Marks a kept plan as made for someone else to confirm; the confirm page says by whom. */
  markPrepared(id: string, by: PreparedBy): void {
    if (this.kept.has(id)) this.prepared.set(id, by);
  }

  preparedBy(id: string): PreparedBy | undefined {
    return this.kept.has(id) ? this.prepared.get(id) : undefined;
  }
}
