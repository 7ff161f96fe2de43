import { describe, expect, it } from 'vitest';
import { bindingsFromClaims, usernameFromClaims } from './claims';

const oidc = {
  roleClaim: 'groups',
  mappings: [
    { value: 'rmq-viewers', role: 'viewer' as const, clusters: ['*'] },
    { value: 'rmq-operators', role: 'operator' as const, clusters: ['prod', 'staging'] },
    { value: 'rmq-admins', role: 'admin' as const, clusters: ['*'] },
    { value: 'staging-admins', role: 'admin' as const, clusters: ['staging'] },
  ],
};

describe('OIDC claim to role mapping', () => {
  it('grants each matching mapping’s role on its clusters, the highest role per cluster winning', () => {
    expect(bindingsFromClaims({ groups: ['rmq-viewers', 'rmq-operators', 'staging-admins', 'unrelated'] }, oidc)).toEqual([
      { cluster: '*', role: 'viewer' },
      { cluster: 'prod', role: 'operator' },
      { cluster: 'staging', role: 'admin' },
    ]);
    expect(bindingsFromClaims({ groups: ['rmq-admins'] }, oidc)).toEqual([{ cluster: '*', role: 'admin' }]);
  });

  it('reads a single-valued claim as well as a list', () => {
    expect(bindingsFromClaims({ role: 'rmq-operators' }, { ...oidc, roleClaim: 'role' })).toEqual([
      { cluster: 'prod', role: 'operator' },
      { cluster: 'staging', role: 'operator' },
    ]);
  });

  it('gives no role when no value maps, the claim is missing, or it has another shape', () => {
    expect(bindingsFromClaims({ groups: ['marketing'] }, oidc)).toEqual([]);
    expect(bindingsFromClaims({}, oidc)).toEqual([]);
    expect(bindingsFromClaims({ groups: { 'rmq-admins': true } }, oidc)).toEqual([]);
    expect(bindingsFromClaims({ groups: [42, null, 'RMQ-ADMINS'] }, oidc)).toEqual([]);
  });

  it('takes the username from the configured claim, else sub', () => {
    expect(usernameFromClaims({ sub: 'abc', preferred_username: 'alice' }, 'preferred_username')).toBe('alice');
    expect(usernameFromClaims({ sub: 'abc', preferred_username: '  ' }, 'preferred_username')).toBe('abc');
    expect(usernameFromClaims({ sub: 'abc' }, 'email')).toBe('abc');
  });
});
