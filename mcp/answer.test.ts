import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answer, fit } from './answer';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ topic: 'LabTopic', brokerName: `broker-${i % 2 ? 'b' : 'a'}`, queueId: i, brokerOffset: 1000 + i, consumerOffset: 900 + i }));

describe('an MCP answer cut to its budget', () => {
  it('keeps a small answer whole, with no MORE line', () => {
    const value = { group: 'g', totalLag: 3, queues: rows(3) };
    expect(answer(value).content).toEqual([{ type: 'text', text: JSON.stringify(value) }]);
  });

  it('halves the longest list until the answer fits, and says how much of it was shown', () => {
    const value = { group: 'g', failures: [{ brokerName: 'broker-c', error: 'timeout' }], queues: rows(4000) };
    const { value: kept, cuts } = fit(value, 20_000);
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(20_000);
    expect(kept.failures).toEqual(value.failures);
    expect(kept.queues).toEqual(value.queues.slice(0, kept.queues.length));
    expect(cuts).toEqual([{ path: 'queues', shown: kept.queues.length, total: 4000 }]);
    const text = answer(value, { budget: 20_000, hint: 'ask for one topic' }).content[0]!.text.split('\n');
    expect(text).toHaveLength(2);
    expect(text[1]).toBe(`MORE: queues: ${kept.queues.length} of 4000 shown; ask for one topic`);
  });

  it('names a nested list by its path, and a page of a longer list by the page to ask for next', () => {
    const nested = answer({ trace: { events: rows(2000) } }, { budget: 10_000 }).content[0]!.text.split('\n');
    expect(nested[1]).toMatch(/^MORE: trace\.events: \d+ of 2000 shown; narrow the question/);
    const paged = answer({ items: rows(2), total: 9 }, { paged: { path: 'items', shown: 2, total: 9, next: 'call again with page=2' } }).content[0]!.text.split('\n');
    expect(paged.slice(1)).toEqual(['MORE: items: 2 of 9 shown; call again with page=2']);
    const lastPage = answer({ items: rows(1), total: 9 }, { paged: { path: 'items', shown: 9, total: 9 } }).content[0]!.text.split('\n');
    expect(lastPage).toHaveLength(1);
  });

  it('a page the budget cut further is one MORE line counting what fit', () => {
    const text = answer({ items: rows(500) }, { budget: 8_000, paged: { path: 'items', shown: 500, total: 1200, next: 'call again with page=2' } }).content[0]!.text.split('\n');
    const kept = (JSON.parse(text[0]!) as { items: unknown[] }).items.length;
    expect(kept).toBeLessThan(500);
    expect(text.slice(1)).toEqual([`MORE: items: ${kept} of 1200 shown; call again with page=2`]);
  });

  it('never exceeds the budget when lists can be cut, and never drops a whole list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 2_000, max: 50_000 }), (a, b, budget) => {
        const value = { a: rows(a), b: { c: rows(b) } };
        const { value: kept, cuts } = fit(value, budget);
        const fits = JSON.stringify(kept).length <= budget;
        expect(fits || kept.a.length <= 1 || kept.b.c.length <= 1).toBe(true);
        expect(kept.a.length).toBe(a === 0 ? 0 : Math.max(1, kept.a.length));
        for (const cut of cuts) expect(cut.shown).toBeLessThan(cut.total);
      }),
      { numRuns: 60 },
    );
  });
});
