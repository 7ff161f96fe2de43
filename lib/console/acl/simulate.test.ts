import { describe, expect, it } from 'vitest';
import type { PolicyRow, UserRow } from './overview';
import { simulateAccess, SimulateQuery } from './simulate';

const user = (username: string, userType: 'Super' | 'Normal' = 'Normal', userStatus: 'enable' | 'disable' = 'enable'): UserRow => ({ username, userType, userStatus, on: ['broker-a/0'], missingOn: [], differsOn: [] });
const rule = (resource: string, actions: string[], decision: 'Allow' | 'Deny', sourceIps: string[] = [], policyType: 'Custom' | 'Default' = 'Custom'): PolicyRow => ({ subject: 'User:alice', policyType, resource, actions, sourceIps, decision, on: ['broker-a/0'], missingOn: [] });
const ask = (policies: PolicyRow[], resource: string, action = 'Pub', sourceIp = '10.0.0.5', users = [user('alice'), user('root', 'Super'), user('off', 'Normal', 'disable')], who = 'alice') =>
  simulateAccess({ users, policies }, SimulateQuery.parse({ user: who, action, resource, sourceIp }));

describe('the policy simulator (RocketMQ 5.5 ranking)', () => {
  it('a literal resource beats a prefix, a longer prefix a shorter one, a typed one "*"', () => {
    const policies = [rule('*', ['All'], 'Deny'), rule('Topic:*', ['Pub'], 'Deny'), rule('Topic:app-*', ['Pub'], 'Allow'), rule('Topic:app-orders*', ['Pub'], 'Deny'), rule('Topic:app-orders-1', ['Pub'], 'Allow')];
    expect(ask(policies, 'Topic:app-orders-1')).toMatchObject({ decision: 'Allow', rule: { resource: 'Topic:app-orders-1' } });
    expect(ask(policies, 'Topic:app-orders-2')).toMatchObject({ decision: 'Deny', rule: { resource: 'Topic:app-orders*' } });
    expect(ask(policies, 'Topic:app-x')).toMatchObject({ decision: 'Allow', rule: { resource: 'Topic:app-*' } });
    expect(ask(policies, 'Topic:other')).toMatchObject({ decision: 'Deny', rule: { resource: 'Topic:*' } });
    expect(ask(policies, 'Group:g')).toMatchObject({ decision: 'Deny', rule: { resource: '*' } });
    expect(ask(policies, 'Topic:app-orders-1').matched.map((m) => m.resource)).toEqual(['Topic:app-orders-1', 'Topic:app-orders*', 'Topic:app-*', 'Topic:*', '*']);
  });

  it('on the same resource Deny beats Allow; an action or IP that does not match leaves the entry out; nothing matching denies', () => {
    expect(ask([rule('Topic:t', ['Pub'], 'Allow'), rule('Topic:t', ['Pub', 'Sub'], 'Deny')], 'Topic:t')).toMatchObject({ decision: 'Deny' });
    expect(ask([rule('Topic:t', ['Sub'], 'Allow')], 'Topic:t', 'Pub')).toMatchObject({ decision: 'Deny', reason: expect.stringContaining('no matched policies') });
    expect(ask([rule('Topic:t', ['Pub'], 'Allow', ['10.0.0.0/8'])], 'Topic:t', 'Pub', '10.9.9.9').decision).toBe('Allow');
    expect(ask([rule('Topic:t', ['Pub'], 'Allow', ['10.0.0.0/8'])], 'Topic:t', 'Pub', '192.168.0.1').decision).toBe('Deny');
    expect(ask([rule('Topic:t', ['All'], 'Allow')], 'Topic:t', 'Delete').decision).toBe('Allow');
  });

  it('Default entries count only when no Custom entry matches', () => {
    const policies = [rule('Topic:*', ['Pub'], 'Allow', [], 'Default'), rule('Topic:t', ['Pub'], 'Deny')];
    expect(ask(policies, 'Topic:t').decision).toBe('Deny');
    expect(ask(policies, 'Topic:u')).toMatchObject({ decision: 'Allow', rule: { policyType: 'Default' } });
  });

  it('a Super user may do anything, a disabled or unknown user nothing', () => {
    expect(ask([], 'Topic:t', 'Delete', '1.2.3.4', undefined, 'root')).toMatchObject({ decision: 'Allow', reason: expect.stringContaining('Super') });
    expect(ask([rule('*', ['All'], 'Allow')], 'Topic:t', 'Pub', '1.2.3.4', undefined, 'off')).toMatchObject({ decision: 'Deny', reason: expect.stringContaining('disabled') });
    expect(ask([], 'Topic:t', 'Pub', '1.2.3.4', undefined, 'nobody')).toMatchObject({ decision: 'Deny', reason: expect.stringContaining('not found') });
  });

  it('refuses a bad question naming the field', () => {
    expect(SimulateQuery.safeParse({ user: 'a', action: 'Fly', resource: 'Topic:t' }).error?.issues[0]?.path).toEqual(['action']);
    expect(SimulateQuery.safeParse({ user: 'a', action: 'Pub', resource: 'Topic:t*' }).error?.issues[0]?.path).toEqual(['resource']);
    expect(SimulateQuery.safeParse({ user: 'a', action: 'Pub', resource: 'Queue:t' }).error?.issues[0]?.path).toEqual(['resource']);
  });
});
