import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../messages';
import { formatDuration, type DurationUnits } from './format';

/** The units as the catalogs write them, filled the way the Timestamp's hook fills them. */
function unitsOf(locale: keyof typeof CATALOGS): DurationUnits {
  const u = CATALOGS[locale].states.units;
  const fill = (template: string) => (n: number) => template.replace('{n}', String(n));
  return { s: fill(u.s), min: fill(u.min), h: fill(u.h), d: fill(u.d) };
}

describe('durations in the page language', () => {
  it('English reads as before the catalogs: seconds, minutes, hours with minutes, days with hours', () => {
    expect([4_000, 180_000, 7_500_000, 7_200_000, 3 * 86_400_000 + 4 * 3_600_000, 1500 * 86_400_000].map((ms) => formatDuration(ms))).toEqual(['4 s', '3 min', '2 h 5 min', '2 h', '3 d 4 h', '1500 d']);
    expect(formatDuration(7_500_000, unitsOf('en'))).toBe(formatDuration(7_500_000));
  });

  it('Chinese uses its own units in the same steps', () => {
    expect([4_000, 180_000, 7_500_000, 3 * 86_400_000 + 4 * 3_600_000].map((ms) => formatDuration(ms, unitsOf('zh-CN')))).toEqual(['4 秒', '3 分钟', '2 小时 5 分钟', '3 天 4 小时']);
  });
});
