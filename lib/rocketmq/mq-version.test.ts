import { describe, expect, it } from 'vitest';
import { versionDesc } from './mq-version';

describe('versionDesc', () => {
  it('names release ordinals as MQVersion does', () => {
    expect(versionDesc(409)).toBe('V4_9_8');
    expect(versionDesc(401)).toBe('V4_9_4');
    expect(versionDesc(413)).toBe('V5_0_0');
    expect(versionDesc(479)).toBe('V5_3_3');
    expect(versionDesc(513)).toBe('V5_5_0');
    expect(versionDesc(611)).toBe('V5_9_9');
    expect(versionDesc(213)).toBe('V4_0_0');
    expect(versionDesc(414)).toBe('V5_0_1_SNAPSHOT');
    expect(versionDesc(412)).toBe('V5_0_0_SNAPSHOT');
    expect(versionDesc(408)).toBe('V4_9_8_SNAPSHOT');
  });
});
