import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './rate-limit';

describe('login rate limit', () => {
  it('refuses the attempt after N failures for a username from an address, until the window passes', () => {
    const limiter = new LoginRateLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('alice', '10.0.0.1', t0 + i)).toBe(0);
      limiter.fail('alice', '10.0.0.1', t0 + i);
    }
    // the 4th attempt is refused, and says for how long: until the oldest failure leaves the window
    expect(limiter.retryAfterMs('alice', '10.0.0.1', t0 + 10)).toBe(60_000 - 10);
    // the same user from another address, and another user from this address, are not held back
    expect(limiter.retryAfterMs('alice', '10.0.0.2', t0 + 10)).toBe(0);
    expect(limiter.retryAfterMs('bob', '10.0.0.1', t0 + 10)).toBe(0);
    // usernames are counted case-insensitively (ALICE is the same attempt)
    expect(limiter.retryAfterMs('ALICE', '10.0.0.1', t0 + 10)).toBeGreaterThan(0);
    // once the first failure is older than the window, one more attempt is allowed
    expect(limiter.retryAfterMs('alice', '10.0.0.1', t0 + 60_000)).toBe(0);
    limiter.fail('alice', '10.0.0.1', t0 + 60_000);
    // three failures in the window again (t0+1, t0+2, t0+60s): refused until t0+1 leaves it, 1 ms later
    expect(limiter.retryAfterMs('alice', '10.0.0.1', t0 + 60_000)).toBe(1);
    expect(limiter.retryAfterMs('alice', '10.0.0.1', t0 + 60_001)).toBe(0);
  });

  it('limits an address trying many usernames at a wider budget (4x by default)', () => {
    const limiter = new LoginRateLimiter(2, 60_000);
    for (let i = 0; i < 8; i++) {
      expect(limiter.retryAfterMs(`user${i}`, '10.0.0.9', 100 + i), `attempt ${i + 1}`).toBe(0);
      limiter.fail(`user${i}`, '10.0.0.9', 100 + i);
    }
    expect(limiter.retryAfterMs('someone-new', '10.0.0.9', 200)).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('someone-new', '10.0.0.10', 200)).toBe(0);
  });

  it('forgets a user’s failures from an address after a successful sign-in', () => {
    const limiter = new LoginRateLimiter(2, 60_000);
    limiter.fail('alice', 'a', 1);
    limiter.succeed('alice', 'a');
    limiter.fail('alice', 'a', 2);
    expect(limiter.retryAfterMs('alice', 'a', 3)).toBe(0);
  });

  it('stays bounded: the least recently failing keys are dropped beyond maxKeys', () => {
    const limiter = new LoginRateLimiter(5, 60_000, { maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.fail(`u${i}`, `10.0.${i >> 8}.${i & 255}`, 1_000 + i);
    expect(limiter.size).toBe(100);
  });
});
