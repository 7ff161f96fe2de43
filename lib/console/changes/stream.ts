import { applyChange } from './pipeline';
import type { ChangeKinds } from './registry';
import type { ChangeResult, ChangeTarget, StepOutcome } from './types';
import type { ChangeContext } from '../context';

/** One line of a streamed apply: the audit entry once written, each step as it ends, then the result. */
export type ApplyEvent =
  | { type: 'started'; auditId: number; action: string; target: ChangeTarget; expectedSteps?: number }
  | { type: 'step'; index: number; step: StepOutcome }
  | { type: 'done'; result: ChangeResult }
  /** The apply broke after its audit entry was written (the entry says how far it got). */
  | { type: 'failed'; auditId: number; error: string };

/**
 * Applies a kept plan and tells its progress. Resolves once the audit entry is written, so what stops a change
 * before it starts (expired preview, wrong confirmation, stale plan, a held lock) is thrown as usual; after that
 * every outcome is an event. The change runs to its end whether or not anybody reads the events: a reader that
 * goes away stops nothing on the cluster half way.
 */
export async function applyChangeStreamed(ctx: ChangeContext, kinds: ChangeKinds, input: { previewId: string; confirm: unknown }): Promise<AsyncGenerator<ApplyEvent, void, undefined>> {
  const queue: ApplyEvent[] = [];
  let wake: (() => void) | undefined;
  const push = (event: ApplyEvent) => {
    queue.push(event);
    wake?.();
  };
  let auditId: number | undefined;
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  let index = 0;
  const finished = applyChange(ctx, kinds, input, {
    started(info) {
      auditId = info.auditId;
      push({ type: 'started', ...info });
      markStarted();
    },
    step: (step) => push({ type: 'step', index: index++, step }),
  }).then(
    (result) => push({ type: 'done', result }),
    (error: unknown) => {
      if (auditId === undefined) throw error;
      ctx.log.error({ err: error, auditId }, 'a streamed change failed after its audit entry');
      push({ type: 'failed', auditId, error: error instanceof Error ? error.message : String(error) });
    },
  );
  await Promise.race([started, finished]);

  async function* events(): AsyncGenerator<ApplyEvent, void, undefined> {
    for (;;) {
      while (queue.length > 0) {
        const event = queue.shift()!;
        yield event;
        if (event.type === 'done' || event.type === 'failed') return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
  return events();
}
