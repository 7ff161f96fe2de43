import { describe, expect, it } from 'vitest';
import { checkSql92, checkTagExpression } from './sql92';

describe('SQL92 selector check', () => {
  it.each([
    'a > 5',
    "color = 'red' AND a BETWEEN 1 AND 10",
    "color IN ('red', 'blue') OR a IS NULL",
    "NOT (a > 5) and b is not null",
    "TAGS = 'TagA' OR TAGS = 'TagB'",
    "a <> -3.5E2 AND b NOT BETWEEN 1 AND 2 AND c NOT IN ('x')",
    "name CONTAINS 'x' AND name NOT CONTAINS 'y'",
    'flag',
    'TRUE',
    "a = 'it''s'",
    'a > 5 /* comment */ AND b < 2',
    'a >= 10L',
  ])('accepts %s', (sql) => {
    expect(checkSql92(sql)).toEqual({ ok: true });
  });

  it.each([
    ['', 1, /empty/],
    ['a >', 4, /expected a value/],
    ['a > 5 AND', 10, /expected a value/],
    ["color = 'red", 9, /unclosed string/],
    ['(a > 5', 7, /expected "\)"/],
    ['a > 5)', 6, /unexpected "\)"/],
    ['a.b = 1', 2, /dots/],
    ["color IN (1, 2)", 11, /quoted string in the IN list/],
    ['a BETWEEN 1 2', 13, /AND between/],
    ['a IS 5', 6, /NULL after IS/],
    ['5', 1, /does not give true or false/],
    ["'x' AND a", 1, /does not give true or false/],
    ['a > 5 b < 2', 7, /unexpected "b"/],
    ['a # 2', 3, /unexpected character/],
  ])('refuses %j at position %i', (sql, position, message) => {
    const r = checkSql92(sql);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.position).toBe(position);
      expect(r.message).toMatch(message);
    }
  });

  it('checks tag expressions as the broker splits them', () => {
    expect(checkTagExpression('*')).toEqual({ ok: true });
    expect(checkTagExpression('TagA || TagB')).toEqual({ ok: true });
    expect(checkTagExpression('TagA || || TagB')).toMatchObject({ ok: false, position: 8 });
  });
});
