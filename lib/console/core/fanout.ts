import { afterPendingIo, RemotingResponseError } from '../../remoting';
import { BrokersUnavailableError, describeFailure } from './errors';

/** A broker that failed or was late: the partial answer names it. */
export interface BrokerFailure {
  brokerName: string;
  addr: string;
  error: string;
  /** The broker's response code, when it answered with one (17: no such topic there). */
  code?: number;
}

export interface FanOutResult<T, R> {
  results: Array<{ target: T; value: R }>;
  failures: Array<{ target: T; failure: BrokerFailure }>;
}

/**
 * Calls `fn` for every target in parallel and waits at most `deadlineMs` in all. Targets that throw or have not
 * answered by then become failures naming the broker; the others are returned. Never throws.
 */
export async function fanOut<T extends { brokerName: string; addr: string }, R>(
  targets: T[],
  fn: (target: T) => Promise<R>,
  deadlineMs: number,
): Promise<FanOutResult<T, R>> {
  const out: FanOutResult<T, R> = { results: [], failures: [] };
  const settled = new Set<number>();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => afterPendingIo(resolve), deadlineMs);
  });
  const calls = targets.map(async (target, i) => {
    try {
      const value = await fn(target);
      if (!settled.has(i)) out.results.push({ target, value });
    } catch (error) {
      if (!settled.has(i)) out.failures.push({ target, failure: failureOf(target, error) });
    } finally {
      settled.add(i);
    }
  });
  await Promise.race([Promise.all(calls), deadline]);
  clearTimeout(timer);
  targets.forEach((target, i) => {
    if (!settled.has(i)) {
      settled.add(i);
      out.failures.push({
        target,
        failure: { brokerName: target.brokerName, addr: target.addr, error: `${target.brokerName} (${target.addr}) did not answer within ${deadlineMs} ms` },
      });
    }
  });
  // keep the caller's order, whatever order answers came in
  const order = new Map(targets.map((t, i) => [t, i]));
  out.results.sort((a, b) => order.get(a.target)! - order.get(b.target)!);
  out.failures.sort((a, b) => order.get(a.target)! - order.get(b.target)!);
  return out;
}

export function failureOf(target: { brokerName: string; addr: string }, error: unknown): BrokerFailure {
  const failure: BrokerFailure = { brokerName: target.brokerName, addr: target.addr, error: describeFailure(error, target.brokerName) };
  if (error instanceof RemotingResponseError) failure.code = error.code;
  return failure;
}

/**
 * fanOut for work that needs every target (a change's plan): the results in the targets' order, or
 * BrokersUnavailableError naming each target that failed or was late (`what` names them, e.g. "chosen master").
 */
export async function fanOutAll<T extends { brokerName: string; addr: string }, R>(targets: T[], fn: (target: T) => Promise<R>, deadlineMs: number, what: string): Promise<Array<{ target: T; value: R }>> {
  const { results, failures } = await fanOut(targets, fn, deadlineMs);
  if (failures.length > 0) throw new BrokersUnavailableError(`cannot plan without every ${what}; nothing was changed: ${failures.map((f) => f.failure.error).join('; ')}`, failures.map((f) => f.failure));
  return results;
}
