import type { Generated } from 'kysely';

// Row shapes as the database holds them (snake_case). Times, lags and widths are BIGINT on PostgreSQL; the
// PostgreSQL connection parses int8 into JS numbers (see connect.ts), so `number` is what both dialects return.

export interface LagGroupTable {
  cluster: string;
  group_name: string;
  t: number;
  lag: number;
  oldest_age_ms: number | null;
  resolution_ms: number;
}

export interface LagQueueTable {
  cluster: string;
  group_name: string;
  topic: string;
  broker_name: string;
  queue_id: number;
  t: number;
  lag: number;
  resolution_ms: number;
}

export interface AuditEntryTable {
  id: Generated<number>;
  at: number;
  actor: string;
  /** ui, api or cli. */
  channel: Generated<string>;
  cluster: string;
  action: string;
  group_name: string | null;
  topic: string | null;
  /** JSON */
  params: string;
  /** JSON: what the action was about to do (e.g. per-queue offsets before and targets). */
  plan: string;
  undo_of: number | null;
  /** topic, group, broker or namesrv; null on entries written before targets were recorded (resets). */
  target_kind: string | null;
  target_name: string | null;
}

/** A change running on one target of one cluster (see store/locks.ts). */
export interface ChangeLockTable {
  cluster: string;
  /** kind:name, e.g. group:lab_cg or topic:LabTopic */
  target: string;
  /** Who holds it: a random id per change, with the process and user for the 409 message. */
  holder: string;
  since: number;
  expires_at: number;
  audit_id: number | null;
}

export interface AuditOutcomeTable {
  entry_id: number;
  at: number;
  status: string;
  /** JSON */
  result: string;
  duration_ms: number;
  error: string | null;
}

/** A part of a running change that ended (see migration 0006); seq orders the parts of one entry. */
export interface AuditProgressTable {
  entry_id: number;
  seq: number;
  at: number;
  /** JSON: what that part did (a reset: { queues: AppliedQueue[] }) */
  result: string;
}

/** A person who may sign in: a local user (password) or one who signed in through OIDC. */
export interface ConsoleUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash; null for OIDC users. */
  password_hash: string | null;
  /** local or oidc */
  source: string;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** JSON RoleBinding[]: edited by an admin for local users, recomputed from the claims at each OIDC sign-in. */
  bindings: string;
  /** 0 or 1 (an integer on both dialects) */
  disabled: number;
  must_change_password: number;
  created_at: number;
  updated_at: number;
}

/** A browser session or an API token: the same lifecycle (hashed secret, expiry, last use, revocation). */
export interface AuthSessionTable {
  /** Public id (URLs of the sessions pages); not the secret. */
  id: string;
  /** SHA-256 (hex) of the secret the client holds: the raw secret is never stored. */
  token_hash: string;
  /** session or token */
  kind: string;
  user_id: number;
  /** How it was made: password, oidc or token. */
  method: string;
  /** A token's name. */
  name: string | null;
  /** A token's highest role (its user's roles capped at this), null for the user's own roles. */
  role_cap: string | null;
  /** JSON RoleBinding[] of an OIDC session (from the claims at sign-in); null: the user's current bindings. */
  bindings: string | null;
  created_at: number;
  last_seen_at: number;
  /** null: a token without expiry */
  expires_at: number | null;
  ip: string | null;
  user_agent: string | null;
  revoked_at: number | null;
}

/** An OIDC sign-in between the redirect to the provider and its callback (PKCE verifier, state, nonce). */
export interface OidcFlowTable {
  /** SHA-256 (hex) of the flow cookie's value. */
  id_hash: string;
  /** JSON */
  data: string;
  expires_at: number;
}

export interface AlertRuleTable {
  cluster: string;
  id: string;
  /** JSON AlertRule */
  body: string;
  updated_at: number;
  updated_by: string;
}

export interface AlertStateTable {
  cluster: string;
  rule_id: string;
  subject: string;
  /** JSON AlertState */
  body: string;
}

export interface AlertEventTable {
  id: Generated<number>;
  cluster: string;
  rule_id: string;
  subject: string;
  at: number;
  from_phase: string;
  to_phase: string;
  value: number | null;
}

export interface AlertSilenceTable {
  id: Generated<number>;
  cluster: string;
  /** null: every rule */
  rule_id: string | null;
  /** glob over the subject; null: every subject */
  subject_pattern: string | null;
  ends_at: number;
  reason: string;
  created_by: string;
  created_at: number;
  /** who ended it early; null while it runs to ends_at */
  ended_by: string | null;
}

export interface AlertAckTable {
  cluster: string;
  rule_id: string;
  subject: string;
  /** the episode acknowledged (AlertState.activeAt): a new episode needs a new acknowledgement */
  active_at: number;
  acked_by: string;
  acked_at: number;
  comment: string | null;
}

export interface ConsoleLeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

export interface AlertChannelTable {
  cluster: string;
  id: string;
  body: string;
  updated_at: number;
  updated_by: string;
}

export interface AlertDeliveryTable {
  id: Generated<number>;
  cluster: string;
  channel_id: string;
  /** 1: a "send test" message */
  test: number;
  created_at: number;
  /** when it is sent (or tried again) next */
  due_at: number;
  /** queued | sending | sent | failed */
  status: string;
  attempts: number;
  /** the notification as JSON */
  body: string;
  claimed_by: string | null;
  /** a claim past this is a process that died sending: the delivery is claimed again */
  claimed_until: number | null;
  sent_at: number | null;
  last_error: string | null;
  /** the receiver's answer (status and body, cut) */
  last_answer: string | null;
}

/** One rebalance event of a group (see migration 0009); seq orders the events of one sample. */
export interface RebalanceEventTable {
  cluster: string;
  group_name: string;
  t: number;
  seq: number;
  /** the sample before, the change happened in between; null when unknown */
  since_t: number | null;
  /** joined | left | moved */
  kind: string;
  /** joined, left: the client; moved: the client that holds the queue now (null: nobody) */
  client_id: string | null;
  /** moved: the client that held it before (null: nobody) */
  from_client_id: string | null;
  topic: string | null;
  broker_name: string | null;
  queue_id: number | null;
}

/** A group's last assignment as the rebalance sampler saw it (JSON), and how many clients it had. */
export interface RebalanceBaselineTable {
  cluster: string;
  group_name: string;
  t: number;
  clients: number;
  body: string;
}

/** A topic or group a user starred on a cluster. */
export interface FavouriteTable {
  user_name: string;
  cluster: string;
  /** topic | group */
  kind: string;
  name: string;
  created_at: number;
}

/** A message search a user ran on a cluster: its kind and parameters (JSON with sorted keys, so equal searches are one row). */
export interface RecentSearchTable {
  user_name: string;
  cluster: string;
  /** key | msgId | range | trace */
  kind: string;
  params: string;
  at: number;
}

export interface StoreDatabase {
  lag_group: LagGroupTable;
  lag_queue: LagQueueTable;
  audit_entry: AuditEntryTable;
  audit_outcome: AuditOutcomeTable;
  audit_progress: AuditProgressTable;
  console_user: ConsoleUserTable;
  auth_session: AuthSessionTable;
  oidc_flow: OidcFlowTable;
  change_lock: ChangeLockTable;
  alert_rule: AlertRuleTable;
  alert_state: AlertStateTable;
  alert_event: AlertEventTable;
  alert_silence: AlertSilenceTable;
  alert_ack: AlertAckTable;
  console_lease: ConsoleLeaseTable;
  alert_channel: AlertChannelTable;
  alert_delivery: AlertDeliveryTable;
  rebalance_event: RebalanceEventTable;
  rebalance_baseline: RebalanceBaselineTable;
  favourite: FavouriteTable;
  recent_search: RecentSearchTable;
  user_preference: UserPreferenceTable;
}

/** A user's language and theme; null = not chosen (the browser's language, the system's theme). */
export interface UserPreferenceTable {
  user_name: string;
  locale: string | null;
  theme: string | null;
  updated_at: number;
}
