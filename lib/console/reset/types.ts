import type { Say } from '../core/say';
export const RESET_MODES = ['timestamp', 'earliest', 'latest', 'offset'] as const;
export type ResetMode = (typeof RESET_MODES)[number];

/** What the operator asks for: one topic (or all the group's topics) moved to a time, an end, or given offsets. */
export interface ResetRequest {
  group: string;
  /** The topic; omitted with allTopics = every topic the group has offsets on (its retry topic excluded). */
  topic?: string;
  allTopics?: boolean;
  mode: ResetMode;
  /** epoch ms, for mode timestamp. */
  timestamp?: number;
  /** For mode offset: the queues to move; the others stay where they are. */
  offsets?: Array<{ topic?: string; brokerName: string; queueId: number; offset: number }>;
}

/** How one broker applies a reset: itself (5.1+), by pushing to online clients (4.9), or by committing offsets. */
export type ResetMethod = 'server-side' | 'client-push' | 'commit';

export interface PreviewQueue {
  topic: string;
  brokerName: string;
  queueId: number;
  currentOffset: number;
  targetOffset: number;
  brokerOffset: number;
  minOffset: number;
  /**
   * Store time of the oldest message the queue still holds (at minOffset): a reset by time cannot go further back
   * (retention, fileReservedTime). Read for resets by time and to the earliest; undefined when the queue is empty.
   */
  earliestStoreTime?: number;
  /** targetOffset - currentOffset: negative replays that many messages, positive skips them. */
  delta: number;
}

export interface ResetPreview {
  previewId: string;
  group: string;
  topics: string[];
  mode: ResetMode;
  timestamp?: number;
  allTopics: boolean;
  /** Every queue in scope; the ones whose target equals their current offset do not change. */
  queues: PreviewQueue[];
  totals: { queues: number; changed: number; replay: number; skip: number };
  /** Clients the brokers list; `viaProxy`: none there, but this many gRPC (POP) clients through that 5.x proxy. */
  online: { clients: number; messageModel?: string; viaProxy?: { proxy: string; clients: number } };
  /** Per broker, how the reset will be applied. */
  methods: Record<string, ResetMethod>;
  /** Skipping messages or covering whole topics: the operator types the group name to confirm. */
  requiresTypedConfirmation: boolean;
  /** Why the reset cannot run as previewed (shown; apply refuses). */
  blockers: string[];
  warnings: string[];
  /** The warnings' and blockers' catalog sentences, by their English text (core/say.ts). */
  said?: Record<string, Say>;
  /** Set when this preview restores the offsets of an earlier reset. */
  undoOf?: number;
  request: ResetRequest;
  createdAt: number;
  expiresAt: number;
}

/** A preview as computed, before it is kept (the store adds previewId, createdAt and expiresAt). */
export type ResetPlan = Omit<ResetPreview, 'previewId' | 'createdAt' | 'expiresAt'>;

export interface AppliedQueue {
  topic: string;
  brokerName: string;
  queueId: number;
  before: number;
  target: number;
  /** The offset the broker reports it set, when it reports one. */
  applied?: number;
  ok: boolean;
  /**
   * reset: the broker confirmed; failed: the broker refused or could not be reached (nothing changed); unknown:
   * the request left but no answer came in time, so the broker may still apply it.
   */
  outcome: 'reset' | 'failed' | 'unknown';
  error?: string;
}

export type ResetStatus = 'completed' | 'partial' | 'failed';

export interface ResetResult {
  auditId: number;
  group: string;
  status: ResetStatus;
  queues: AppliedQueue[];
  durationMs: number;
  undoOf?: number;
}
