import { NotFoundError } from '../core/errors';
import type { ChangeKind } from './types';

/** Kinds by audit action: undo finds the kind of an entry here. */
export type AnyChangeKind = ChangeKind<unknown, unknown>;

/**
 * A kind with its request and detail types forgotten, for the registry. Sound because a kind only ever sees the
 * plans it made itself (the pipeline looks the kind up by the plan's action).
 */
export function anyKind<Request, Detail>(kind: ChangeKind<Request, Detail>): AnyChangeKind {
  return kind as unknown as AnyChangeKind;
}

export class ChangeKinds {
  private readonly byAction = new Map<string, AnyChangeKind>();

  constructor(kinds: readonly AnyChangeKind[]) {
    for (const kind of kinds) this.byAction.set(kind.action, kind);
  }

  get(action: string): AnyChangeKind {
    const kind = this.byAction.get(action);
    if (!kind) throw new NotFoundError(`no change of kind "${action}" (known: ${[...this.byAction.keys()].join(', ')})`, 'action');
    return kind;
  }

  has(action: string): boolean {
    return this.byAction.has(action);
  }

  /** Every known action (topic.upsert, group.delete...), in registration order. */
  actions(): string[] {
    return [...this.byAction.keys()];
  }
}
