import { describe, expect, it } from 'vitest';
import { Fnv1a } from './fnv';

describe('Fnv1a', () => {
  it('gives the published FNV-1a of a text before its separator, and tells texts apart by where they split', () => {
    // FNV-1a 32 of "a" is 0xe40c292c; the separator byte 0x1f is then mixed in
    expect(new Fnv1a().text('a').value).toBe((Math.imul(0xe40c292c ^ 0x1f, 0x01000193) >>> 0));
    expect(new Fnv1a().text('ab').text('c').value).not.toBe(new Fnv1a().text('a').text('bc').value);
    expect(new Fnv1a().text('T').int(3).value).toBe(new Fnv1a().text('T').int(3).value);
    expect(new Fnv1a().text('T').int(3).value).not.toBe(new Fnv1a().text('T').int(4).value);
  });
});
