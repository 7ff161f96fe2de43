import type { CommandContext } from './context';
import { CliError, EXIT } from './exit-codes';

/** How a change command is confirmed: by a person at the terminal, or by a script that saw the plan. */
export interface ConfirmOptions {
  yes?: boolean;
  expectPreview?: string;
}

/**
 * The one gate before a change is applied: a person types the target's name at the terminal; a script passes --yes
 * with the digest of the plan it was shown (--expect-preview), so it never applies a plan it did not see.
 */
export async function confirmPlan(
  c: CommandContext,
  o: ConfirmOptions,
  plan: { digest: string; kind: string; name: string; what: 'preview' | 'plan'; action: string },
): Promise<void> {
  const { digest, what } = plan;
  if (o.yes) {
    if (!o.expectPreview) throw new CliError(`--yes needs --expect-preview <digest>, the ${what} the script was shown (this one is ${digest})`, EXIT.USAGE);
    if (o.expectPreview !== digest) throw new CliError(`the ${what} is now ${digest}, not ${o.expectPreview}: read it again before applying`, EXIT.CONFLICT);
    return;
  }
  const typed = await c.ask(`Type the ${plan.kind} name (${plan.name}) to apply this ${plan.action}: `);
  if (typed === undefined) throw new CliError(`no terminal to confirm on: read the ${what}, then rerun with --yes --expect-preview ${digest}`, EXIT.USAGE);
  if (typed.trim() !== plan.name) throw new CliError('not confirmed: nothing was changed', EXIT.CONFLICT);
}

/** An applied reset or change that did not complete everywhere exits with its own code, naming its audit entry. */
export function exitOnOutcome(result: { status: string; auditId: number }, partly: string, nowhere: string): void {
  if (result.status === 'partial') throw new CliError(`${partly} (audit #${result.auditId})`, EXIT.PARTIAL);
  if (result.status === 'failed') throw new CliError(`${nowhere} (audit #${result.auditId})`, EXIT.UNAVAILABLE);
}
