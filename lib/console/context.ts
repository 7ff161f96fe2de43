import type { Slots } from './core/slots';
import type { AccountAccessCache } from './acl/account-access';
import type { AlertEngine } from './alerts/engine';
import type { ChangePlan } from './changes/types';
import type { AdminClient } from './core/admin';
import type { ClusterConfig, TestHooks } from './core/config';
import type { Logger } from './core/log';
import type { PreviewStore } from './core/previews';
import type { SnapshotService } from './lag/service';
import type { TopicStatsService } from './topics/stats-service';
import type { ResendPlan } from './messages/resend';
import type { ResetMethodCache } from './reset/methods';
import type { ResetPlan } from './reset/types';
import type { Store } from './store';

/**
 * Everything a use case needs about one cluster, built once by createConsole: use cases take (ctx, input) and
 * reach nothing else. Everything here is this cluster's own, so two clusters never share a lock or a preview.
 */
export interface ClusterContext {
  readonly name: string;
  readonly config: ClusterConfig;
  readonly admin: AdminClient;
  /** The background lag snapshot of every group (and the store-time cache the group page reuses). */
  readonly lag: SnapshotService;
  /** The background message count and last write of every topic (the topic list sorts on it). */
  readonly topicStats: TopicStatsService;
  /** Alert rules evaluated after each snapshot (by the process holding the cluster's lease). */
  readonly alerts: AlertEngine;
  readonly previews: { readonly reset: PreviewStore<ResetPlan>; readonly resend: PreviewStore<ResendPlan>; readonly change: PreviewStore<Omit<ChangePlan, 'previewId' | 'createdAt' | 'expiresAt'>> };
  readonly resetMethods: ResetMethodCache;
  /** Whether the console's own account may change anything on this cluster (ACL 2.0), kept a few minutes. */
  readonly accountAccess: AccountAccessCache;
  /** Range scans running at once, for the whole console process (a scan pulls every queue of a topic). */
  readonly scans: Slots;
  /** The console's store, opened on first use (a database down at start does not stop the console). */
  readonly store: () => Promise<Store>;
  readonly log: Logger;
  /** Pauses that let tests stop a process in the middle of a change; empty in production (see createConsole). */
  readonly testHooks: TestHooks;
}

/** Who asked for a change, and through what: every audit row names both. */
export interface Actor {
  user: string;
  channel: 'ui' | 'api' | 'cli';
}

/** A cluster context with the person behind the request: what changing use cases take. */
export interface ChangeContext extends ClusterContext {
  readonly actor: Actor;
}
