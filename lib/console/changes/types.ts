import type { ChangeContext, ClusterContext } from '../context';
import type { Say } from '../core/say';

export type TargetKind = 'topic' | 'group' | 'broker' | 'namesrv';

/** What a change is on; the audit log, the lock and the undo all name it. */
export interface ChangeTarget {
  kind: TargetKind;
  name: string;
}

/**
 * One line of a preview and of the audit diff: at `where` (a brokerName, a namesrv address), `field` goes from
 * `before` to `after`. null = absent (a topic not on that broker yet, a key deleted).
 */
export interface ChangeLine {
  where: string;
  field: string;
  before: string | null;
  after: string | null;
}

/**
 * How one step of an apply ended. done: the broker or namesrv confirmed; failed: it refused or could not be reached
 * (nothing changed there); unknown: the request left but no answer came in time, so it may still apply.
 */
export interface StepOutcome {
  where: string;
  outcome: 'done' | 'failed' | 'unknown';
  error?: string;
  /** What the step produced, when it produces something (a sent message's ids, queue and offset). */
  result?: Record<string, string | number>;
}

export type ChangeStatus = 'completed' | 'partial' | 'failed';

/** What a kind computes from the live cluster, changing nothing. */
export interface PlanBody<Request, Detail> {
  target: ChangeTarget;
  /**
   * What the change locks when that is wider than its target (default: the target): changes of one broker's and of
   * the whole cluster's configuration overlap, so both lock the cluster's broker configuration.
   */
  lockOn?: ChangeTarget;
  /** The request as the kind normalised it: what apply runs and the audit keeps. */
  request: Request;
  lines: ChangeLine[];
  detail: Detail;
  /** Shown above the confirmation: what the change will do beyond its lines (stopped producers, hidden messages). */
  warnings: string[];
  /** Why it cannot run as planned (shown; apply refuses). */
  blockers: string[];
  /** The warnings', blockers' and undo reason's catalog sentences, by their English text (core/say.ts). */
  said?: Record<string, Say>;
  /** Destructive or cluster-wide: the operator types the target's name to confirm. */
  typedConfirmation: boolean;
  /** Whether the console can take it back afterwards, and if not why (said before the operator confirms). */
  undo: { possible: true } | { possible: false; reason: string };
  /** How many steps apply reports one by one, when the kind knows ahead (the total of a progress bar). */
  expectedSteps?: number;
  /**
   * Values apply needs but nobody may see again (a new user's password): kept with the plan in this process only,
   * never in a preview answer, the audit log or a log line.
   */
  secrets?: Record<string, string>;
}

/** A plan as kept between preview and apply. */
export interface ChangePlan<Request = unknown, Detail = unknown> extends PlanBody<Request, Detail> {
  action: string;
  undoOf?: number;
  previewId: string;
  createdAt: number;
  expiresAt: number;
}

/** A kind of change: how to plan it, notice a stale plan, apply it and take it back. */
export interface ChangeKind<Request, Detail> {
  /** Audit action, e.g. topic.update. */
  action: string;
  /** Reads the input (400 naming the field when bad) into the kind's request. */
  parse(input: unknown): Request;
  plan(ctx: ClusterContext, request: Request): Promise<PlanBody<Request, Detail>>;
  /**
   * The lines whose `before` no longer matches the cluster (with `after` holding the value now); empty when the
   * plan still holds. Apply refuses a stale plan.
   */
  drift(ctx: ClusterContext, plan: ChangePlan<Request, Detail>): Promise<ChangeLine[]>;
  /** Runs the plan; a long apply calls `report` as each step ends (the streamed apply shows them as they come). */
  apply(ctx: ChangeContext, plan: ChangePlan<Request, Detail>, report: (step: StepOutcome) => void): Promise<StepOutcome[]>;
  /**
   * The change that restores the before-image, from the applied plan and its outcome (possibly of another kind: the
   * undo of a group deletion is a group creation); absent when none can.
   */
  undoRequest?(plan: { request: Request; lines: ChangeLine[]; detail: Detail }, steps: StepOutcome[]): { action: string; request: unknown };
}

export interface ChangeResult {
  auditId: number;
  action: string;
  target: ChangeTarget;
  status: ChangeStatus;
  steps: StepOutcome[];
  durationMs: number;
  undoOf?: number;
}

/** What an apply tells while it runs: its audit entry once written, then each step as it ends. */
export interface ApplyObserver {
  started(info: { auditId: number; action: string; target: ChangeTarget; expectedSteps?: number }): void;
  step(step: StepOutcome): void;
}
