import { z } from 'zod';
import { CHANGE_KINDS, previewAnyChange } from '../../lib/console/change-kinds';
import { ChangePreviewBody } from '../../lib/console/changes/schema';
import { previewReset } from '../../lib/console/reset/preview';
import { ResetPreviewBody } from '../../lib/console/reset/schema';
import { RESET_MODES } from '../../lib/console/reset/types';
import { answer } from '../answer';
import { tool, type ToolCall } from '../tool';
import { cluster, group } from './fields';

/**
 * Change tools plan and stop: the plan is kept by the console (15 minutes) exactly as a person's preview would be,
 * and the answer carries the link to the page where a person with the role reviews it and confirms (or not). An
 * assistant never holds a confirmation: nothing here can apply.
 */
const PERSON_CONFIRMS = 'Nothing was changed. A person with the role must open confirmUrl, check the plan and confirm it there (the plan expires at expiresAt).';

export const changeTools = [
  tool({
    name: 'preview_reset_offsets',
    title: 'Preview a consumer offset reset',
    description: 'Plans moving a consumer group\'s offsets on a topic (or all its topics) to a time (retroactive consumption), the earliest, the latest (skip the backlog) or given offsets: per queue the current and target offset and how many messages replay or are skipped. Returns a link where a person confirms it; changes nothing.',
    input: {
      cluster,
      group,
      topic: z.string().optional().describe('the topic; omit with allTopics'),
      allTopics: z.boolean().optional(),
      mode: z.enum(RESET_MODES),
      timestamp: z.union([z.string(), z.number()]).optional().describe('for mode timestamp: epoch ms or ISO-8601 with a zone'),
      offsets: z.array(z.object({ topic: z.string().optional(), brokerName: z.string(), queueId: z.number().int(), offset: z.number().int() })).optional().describe('for mode offset'),
    },
    permission: 'offset:reset',
    preview: true,
    run: async (call, args) => {
      const { group: name, cluster: _cluster, ...rest } = args;
      const preview = await previewReset(call.ctx, { group: name, ...ResetPreviewBody.parse(rest) });
      call.ctx.previews.reset.markPrepared(preview.previewId, { user: call.principal.user, via: 'mcp' });
      const { queues, ...summary } = preview;
      return answer({ ...summary, ...confirmation(call, preview), queues }, { hint: 'the confirm page shows every queue' });
    },
  }),
  tool({
    name: 'preview_change',
    title: 'Preview a change',
    description: `Plans a change of a topic, a group, a broker's or the namesrv's configuration, a message send, a DLQ redrive or ACL: every target's before and after, the warnings, and whether it can be undone. \`action\` is one of ${CHANGE_KINDS.actions().join(', ')}; \`request\` is that action's body as the HTTP API takes it (POST /api/clusters/{cluster}/changes/preview). Returns a link where a person confirms it; changes nothing.`,
    input: { cluster, action: z.string(), request: z.record(z.string(), z.unknown()) },
    permission: 'cluster:change',
    preview: true,
    run: async (call, args) => {
      const body = ChangePreviewBody.parse({ action: args.action, request: args.request });
      const plan = await previewAnyChange(call.ctx, { action: body.action, request: body.request });
      call.ctx.previews.change.markPrepared(plan.previewId, { user: call.principal.user, via: 'mcp' });
      const { lines, ...summary } = plan;
      return answer({ ...summary, ...confirmation(call, plan), lines }, { hint: 'the confirm page shows every line' });
    },
  }),
];

function confirmation({ ctx, webUrl }: ToolCall, kept: { previewId: string; expiresAt: number }) {
  return {
    confirmUrl: webUrl(`/clusters/${encodeURIComponent(ctx.name)}/previews/${encodeURIComponent(kept.previewId)}`),
    expiresAt: new Date(kept.expiresAt).toISOString(),
    status: PERSON_CONFIRMS,
  };
}
