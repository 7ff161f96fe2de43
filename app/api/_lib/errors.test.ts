import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/console/core/errors';
import { createLog } from '@/lib/console/core/log';
import { errorResponse } from './errors';

// Next.js can hold two copies of a module (instrumentation.ts's console and a route's bundle): an error class from
// the other copy is not `instanceof` this one. These stand in for such copies: same brand, different class.
describe('errorResponse across bundle copies', () => {
  const log = createLog('silent');

  it('maps a console error of another copy by its brand (404 stays 404, not 500)', async () => {
    class OtherCopyNotFound extends Error {
      readonly status = 404;
      readonly code = 'not_found';
      readonly field = 'cluster';
    }
    const other = Object.assign(new OtherCopyNotFound('no cluster named "x" is configured'), { [Symbol.for('rocketmq-console.ConsoleError')]: true });
    const response = errorResponse(other, log);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no cluster named "x" is configured', field: 'cluster' } });
    expect(errorResponse(new NotFoundError('gone', 'topic'), log).status).toBe(404);
  });

  it('maps a remoting error of another copy to 502/504 naming the address', async () => {
    class OtherCopyTimeout extends Error {
      readonly kind = 'timeout';
      readonly addr = '127.0.0.1:10911';
    }
    const response = errorResponse(Object.assign(new OtherCopyTimeout('timed out'), { [Symbol.for('rocketmq-console.RemotingError')]: true }), log);
    expect(response.status).toBe(504);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('127.0.0.1:10911');
  });

  it('keeps anything else a 500 without details', async () => {
    const response = errorResponse(new Error('boom'), log);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).not.toContain('boom');
  });
});
