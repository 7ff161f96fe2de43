import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission, type RoleBinding } from '../core/roles';
import { LOCAL_PRINCIPAL, refusal, type Principal } from './principal';

const as = (bindings: RoleBinding[], extra: Partial<Principal> = {}): Principal => ({ kind: 'session', user: 'u', displayName: 'u', bindings, ...extra });
const prod = { name: 'prod', readOnly: false };
const archive = { name: 'archive', readOnly: true };
const ALL = Object.keys(PERMISSIONS) as Permission[];
const allowed = (p: Principal, cluster?: { name: string; readOnly: boolean }) => ALL.filter((perm) => refusal(p, perm, perm === 'console:admin' ? undefined : cluster) === undefined);

describe('refusal(): roles per cluster', () => {
  it('a viewer reads everything but message bodies, and changes nothing', () => {
    const viewer = as([{ cluster: 'prod', role: 'viewer' }]);
    expect(allowed(viewer, prod)).toEqual(['cluster:read']);
    expect(refusal(viewer, 'offset:reset', prod)).toEqual({ status: 403, code: 'forbidden', permission: 'offset:reset', detail: { required: 'operator', cluster: 'prod', role: 'viewer' }, message: 'offset:reset needs the operator role on cluster prod; you are viewer on cluster prod' });
    expect(refusal(viewer, 'message:body', prod)?.code).toBe('forbidden');
  });

  it('an operator also reads bodies, resets, undoes and resends, but is no admin', () => {
    expect(allowed(as([{ cluster: 'prod', role: 'operator' }]), prod)).toEqual(['cluster:read', 'message:body', 'offset:reset', 'audit:undo', 'message:resend', 'alert:ack']);
  });

  it('an admin on "*" has every permission; an admin of one cluster is not a console admin', () => {
    expect(allowed(as([{ cluster: '*', role: 'admin' }]), prod)).toEqual(ALL);
    const clusterAdmin = as([{ cluster: 'prod', role: 'admin' }]);
    expect(allowed(clusterAdmin, prod)).toEqual(ALL.filter((p) => p !== 'console:admin'));
    expect(refusal(clusterAdmin, 'console:admin')?.message).toBe('console:admin needs the admin role on every cluster ("*"); your roles are on single clusters only (admin on prod)');
    expect(refusal(as([]), 'console:admin')?.message).toBe('console:admin needs the admin role on every cluster ("*"); you have no role on every cluster ("*")');
  });

  it('roles are per cluster: the highest binding that covers the cluster counts, "*" covering all', () => {
    const mixed = as([{ cluster: '*', role: 'viewer' }, { cluster: 'prod', role: 'operator' }]);
    expect(refusal(mixed, 'offset:reset', prod)).toBeUndefined();
    expect(refusal(mixed, 'offset:reset', { name: 'staging', readOnly: false })?.message).toContain('you are viewer on cluster staging');
    expect(refusal(as([{ cluster: 'prod', role: 'admin' }]), 'cluster:read', { name: 'staging', readOnly: false })?.message).toContain('you have no role on cluster staging');
  });

  it('a read-only cluster refuses every change whatever the role, with its own reason', () => {
    const admin = as([{ cluster: '*', role: 'admin' }]);
    expect(allowed(admin, archive)).toEqual(['cluster:read', 'message:body', 'alert:ack', 'alert:rules', 'console:admin']);
    expect(refusal(admin, 'offset:reset', archive)).toMatchObject({ status: 403, code: 'read_only' });
  });

  it('nobody signed in: 401 except public routes; a one-time password: 403 except signed-in routes', () => {
    expect(refusal(undefined, 'cluster:read', prod)?.status).toBe(401);
    expect(refusal(undefined, 'public')).toBeUndefined();
    const fresh = as([{ cluster: '*', role: 'admin' }], { mustChangePassword: true });
    expect(refusal(fresh, 'cluster:read', prod)).toMatchObject({ status: 403, code: 'password_change_required' });
    expect(refusal(fresh, 'signed-in')).toBeUndefined();
  });

  it('AUTH=off: the local principal may do everything', () => {
    expect(allowed(LOCAL_PRINCIPAL, prod)).toEqual(ALL);
  });
});
