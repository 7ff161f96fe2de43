import { NotFoundError } from '../core/errors';
import type { PreparedBy } from '../core/previews';
import type { Permission } from '../core/roles';
import type { ChangePlan } from '../changes/types';
import type { ClusterContext } from '../context';
import type { ResetPreview } from '../reset/types';

/**
 * A plan kept by this console, found by its id alone: what a link to "review and confirm" opens (the MCP change
 * tools hand a person such a link). Each kind says the permission its apply needs, so the page can be refused to
 * whoever could not confirm it anyway.
 */
export type KeptPreview = (
  | { kind: 'reset'; permission: Permission; preview: ResetPreview }
  | { kind: 'change'; permission: Permission; plan: ChangePlan }
) & { preparedBy?: PreparedBy };

export function getKeptPreview(ctx: ClusterContext, input: { previewId: string }): KeptPreview {
  const reset = ctx.previews.reset.get(input.previewId);
  const preparedBy = ctx.previews.reset.preparedBy(input.previewId) ?? ctx.previews.change.preparedBy(input.previewId);
  const by = preparedBy ? { preparedBy } : {};
  if (reset) return { kind: 'reset', permission: 'offset:reset', preview: reset, ...by };
  const change = ctx.previews.change.get(input.previewId);
  if (change) {
    // secrets (a new user's password) stay in this process for apply, never in an answer
    const { secrets: _secrets, ...plan } = change;
    return { kind: 'change', permission: 'cluster:change', plan, ...by };
  }
  throw new NotFoundError('no such preview on this cluster: it expired (15 minutes), was applied, or the console restarted; preview again', 'previewId');
}
