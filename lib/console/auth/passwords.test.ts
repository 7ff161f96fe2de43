import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './passwords';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one; each hash has its own salt', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
    const again = await hashPassword('correct horse battery');
    expect(again).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', again)).toBe(true);
  });

  it('answers false, never throws, for a tampered or malformed hash string', async () => {
    const hash = await hashPassword('correct horse battery');
    const parts = hash.split('$');
    const flipped = parts[5]!.startsWith('A') ? `B${parts[5]!.slice(1)}` : `A${parts[5]!.slice(1)}`;
    const tampered = [
      [...parts.slice(0, 5), flipped].join('$'), // hash changed
      [...parts.slice(0, 4), 'AAAAAAAAAAAAAAAAAAAAAA', parts[5]].join('$'), // salt changed
      ['scrypt', '16384', ...parts.slice(2)].join('$'), // cost lowered
      ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'), // cost raised past the bound (would need 128 GiB)
      ['scrypt', '30000', ...parts.slice(2)].join('$'), // not a power of two
      ['bcrypt', ...parts.slice(1)].join('$'),
      parts.slice(0, 5).join('$'),
      [...parts.slice(0, 5), parts[5]!.slice(0, 20)].join('$'), // truncated hash
      '',
      'plain-text-password',
    ];
    for (const stored of tampered) expect(await verifyPassword('correct horse battery', stored), stored).toBe(false);
  });

  it('generates one-time passwords of 20 unambiguous characters, different each time', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-hjkmnp-z2-9]{20}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
