import type { z, ZodRawShape } from 'zod';
import type { Principal, Requirement } from '../lib/console/auth/principal';
import type { Console } from '../lib/console/console';
import type { ClusterContext } from '../lib/console/context';

/** What a tool's work gets: the cluster asked about, the caller's other permissions there, the web console's address. */
export interface ToolCall {
  app: Console;
  ctx: ClusterContext;
  principal: Principal;
  may(requirement: Requirement): boolean;
  /** The web console's URL of a page (for links a person opens). */
  webUrl(path: string): string;
}

export interface ToolSpec<S extends ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: S;
  /** Checked on the cluster of the call before the work runs. */
  permission: Requirement;
  /** A tool that plans a change: it still changes nothing, but the client may want to say so. */
  preview?: boolean;
  run(call: ToolCall, args: z.output<z.ZodObject<S>>): Promise<unknown>;
}

/** A tool's spec with its input type erased, so specs of different shapes fit in one list. */
export type AnyToolSpec = ToolSpec<ZodRawShape>;

export const tool = <S extends ZodRawShape>(spec: ToolSpec<S>): AnyToolSpec => spec as unknown as AnyToolSpec;

