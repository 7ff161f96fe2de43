import { isRemotingError } from '../../remoting';
import { describeFailure } from '../core/errors';
import type { StepOutcome } from './types';

/** A timeout or a connection lost after sending leaves the step unknown: the broker may still apply it. */
export function stepFailure(where: string, error: unknown): StepOutcome {
  const message = describeFailure(error, where);
  const unknown = isRemotingError(error) && (error.kind === 'timeout' || error.kind === 'closed');
  return { where, outcome: unknown ? 'unknown' : 'failed', error: unknown ? `${message}; it may still apply` : message };
}
