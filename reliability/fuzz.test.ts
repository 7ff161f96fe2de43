import { describe, expect, it } from 'vitest';
import { parseFastjson } from '../lib/rocketmq/fastjson';
import { fuzzDecoders } from './fuzz';

// the short run of npm test; npm run reliability runs 1,000,000 inputs
describe('decoders under mutation (short run)', () => {
  it('every decoder answers or refuses with its own error: no runtime fault, no slow input, no large allocation', async () => {
    const figures = await fuzzDecoders({ inputs: 20_000, seed: 7, slowMs: 500 });
    expect(figures.targets).toBeGreaterThan(300);
    expect(figures.inputs).toBe(20_000);
    // both outcomes happen: the mutations reach past the first check
    expect(figures.decoded).toBeGreaterThan(1000);
    expect(figures.refused).toBeGreaterThan(1000);
    expect(figures.crashes).toEqual([]);
    expect(figures.slow).toBe(0);
    expect(figures.peakRssMb).toBeLessThan(1024);
  }, 120_000);

  it('a body nested deeper than any RocketMQ body is refused, not a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}{0:1}${']'.repeat(100_000)}`;
    expect(() => parseFastjson(deep)).toThrow(/nested deeper than 512 levels/);
  });
});
