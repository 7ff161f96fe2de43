import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, BAD_BODIES, BAD_SEGMENTS, badQueryValues, callRoute, countingConsole, goodParams, LOOSE_QUERY, refusedNaming, UNKNOWN_KEY, withBadParam } from '../../reliability/routes';

// Every route under bad input, in-process as Next.js calls them, on a console whose namesrv is a loopback peer that
// counts what reaches it: each answer must be a 4xx naming what was wrong (no 500, no stack), and no bad value may
// lead to a broker call. Sign-in is off (the local admin may do everything), so only the input decides.
let counting: Awaited<ReturnType<typeof countingConsole>>;
beforeAll(async () => {
  counting = await countingConsole();
});
afterAll(async () => {
  await counting.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('every route under bad input', async () => {
  const all = await apiRoutes();

  it('finds every route file and its handlers', () => {
    expect(all.length).toBeGreaterThanOrEqual(59);
    expect(all.every((r) => r.handlers.length > 0)).toBe(true);
  });

  const cases = all.flatMap((r) => r.handlers.flatMap(([method, handler]) => r.params.map((param) => ({ r, method, handler, param }))));
  it.each(cases.map((c) => [`${c.method} ${c.r.pattern} [${c.param}]`, c] as const))('%s: a bad path segment is a 400 naming it, with no broker call', async (_name, c) => {
    for (const [what, value] of BAD_SEGMENTS) {
      const before = counting.brokerBytes();
      const a = await callRoute(c.r, c.method, c.handler, withBadParam(c.r, c.param, value), { body: '{}' });
      expect(a.status, `${what}: ${a.text.slice(0, 300)}`).toBe(400);
      expect(a.text, what).not.toMatch(/\n\s+at /);
      expect(a.error?.field, what).toBe(c.param);
      expect(a.error?.message, what).toContain(c.param);
      await settle();
      expect(counting.brokerBytes() - before, `${what}: a broker call was made`).toBe(0);
    }
  });

  const withQuery = all.flatMap((r) => r.handlers.filter(([method, h]) => h.spec.query && !LOOSE_QUERY.has(`${method} ${r.pattern}`)).map(([method, handler]) => ({ r, method, handler })));
  it.each(withQuery.map((c) => [`${c.method} ${c.r.pattern}`, c] as const))('%s: a query key it does not know is a 400 naming it, with no broker call', async (_name, c) => {
    const before = counting.brokerBytes();
    const a = await callRoute(c.r, c.method, c.handler, goodParams(c.r), { query: `?${UNKNOWN_KEY}=1`, body: '{}' });
    expect(a.status, a.text.slice(0, 300)).toBe(400);
    expect(refusedNaming(a), a.text.slice(0, 300)).toBe(true);
    await settle();
    expect(counting.brokerBytes() - before).toBe(0);
  });

  const withBody = all.flatMap((r) => r.handlers.filter(([, h]) => h.spec.body).map(([method, handler]) => ({ r, method, handler })));
  it.each(withBody.map((c) => [`${c.method} ${c.r.pattern}`, c] as const))('%s: a body that is not the object it takes is a 4xx, with no broker call', async (_name, c) => {
    for (const [what, body] of BAD_BODIES) {
      const before = counting.brokerBytes();
      const a = await callRoute(c.r, c.method, c.handler, goodParams(c.r), { body });
      expect(a.status, `${what}: ${a.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(a.status, `${what}: ${a.text.slice(0, 300)}`).toBeLessThan(500);
      expect(a.text, what).not.toMatch(/\n\s+at /);
      await settle();
      expect(counting.brokerBytes() - before, `${what}: a broker call was made`).toBe(0);
    }
  });

  it('has no route that changes or deletes an audit entry: reading it, and planning and applying an undo (a new entry), only', () => {
    const audit = all.filter((r) => r.pattern.includes('/audit')).flatMap((r) => r.handlers.map(([method]) => `${method} ${r.pattern}`)).sort();
    expect(audit).toEqual([
      'GET /api/clusters/[cluster]/audit',
      'GET /api/clusters/[cluster]/audit/[auditId]',
      'POST /api/clusters/[cluster]/audit/[auditId]/undo',
      'POST /api/clusters/[cluster]/audit/[auditId]/undo/preview',
    ]);
  });
  it('answers bad values of every query key by refusing them naming the key (or a key it needs first), or taking them as text: never a 500 or a stack', async () => {
    const tally = { refused: 0, elsewhere: 0, taken: 0 };
    const failures: string[] = [];
    // (a handler whose query schema shows no keys makes badQueryValues throw)
    for await (const v of badQueryValues(all)) {
      if (v.held) tally[v.held]++;
      else failures.push(`${v.where} ?${v.key}= ${v.what}: ${v.answer.status} ${v.answer.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    // numbers, times, enums and bounded names refuse most of them, naming themselves
    expect(tally.refused).toBeGreaterThan(150);
  }, 120_000);
});
