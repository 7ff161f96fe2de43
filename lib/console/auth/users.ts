import type { ConsoleSettings } from '../core/config';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import type { Logger } from '../core/log';
import { ALL_CLUSTERS, type RoleBinding } from '../core/roles';
import type { AuthStore, UserRecord } from '../store/auth';
import { hashPassword } from './passwords';
import type { Principal } from './principal';
import type { UserCreateInput, UserPatchInput } from './schema';
import { userView, type UserView } from './views';

/**
 * What an admin does to users (console:admin is checked by the route): create local users with a password and
 * role bindings, change bindings, disable, reset a password (the user must replace it), delete. An admin cannot
 * disable, delete or change the roles of their own account, so the console cannot be locked out by a slip.
 */
export class UserAdmin {
  constructor(private readonly deps: { settings: ConsoleSettings; log: Logger; now: () => number; authStore: () => Promise<AuthStore> }) {}

  async list(): Promise<UserView[]> {
    return (await (await this.deps.authStore()).listUsers()).map(userView);
  }

  async create(input: UserCreateInput, by: Principal): Promise<UserView> {
    const bindings = this.checkBindings(input.bindings);
    const now = this.deps.now();
    const store = await this.deps.authStore();
    const user: Omit<UserRecord, 'id'> = {
      username: input.username,
      displayName: input.displayName || input.username,
      passwordHash: await hashPassword(input.password),
      source: 'local',
      oidcIssuer: null,
      oidcSubject: null,
      bindings,
      disabled: false,
      mustChangePassword: input.mustChangePassword,
      createdAt: now,
      updatedAt: now,
    };
    const id = await store.insertUser(user);
    if (id === undefined) throw new ConflictError(`the username ${input.username} is taken`, 'username', 'user_exists');
    this.deps.log.info({ username: input.username, bindings, by: by.user }, 'user created');
    return userView({ ...user, id });
  }

  async update(username: string, patch: UserPatchInput, by: Principal): Promise<UserView> {
    const store = await this.deps.authStore();
    const user = await this.find(store, username);
    const self = user.username === by.user;
    if (self && (patch.disabled !== undefined || patch.bindings !== undefined)) {
      throw new ConflictError('you cannot disable your own account or change your own roles (ask another admin): the console could be left without an admin', patch.disabled !== undefined ? 'disabled' : 'bindings', 'own_account');
    }
    if (user.source === 'oidc' && patch.bindings !== undefined) throw new ConflictError(`${username} signs in through single sign-on: their roles come from the provider's claims at each sign-in`, 'bindings', 'oidc_user');
    if (user.source === 'oidc' && patch.password !== undefined) throw new ConflictError(`${username} signs in through single sign-on and has no console password`, 'password', 'oidc_user');
    const now = this.deps.now();
    const bindings = patch.bindings === undefined ? undefined : this.checkBindings(patch.bindings);
    await store.updateUser(user.id, {
      updatedAt: now,
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(bindings !== undefined ? { bindings } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password), mustChangePassword: true } : {}),
    });
    // a disabled user, or one whose password an admin reset, is signed out of every browser (tokens are refused
    // while disabled, and stay after a reset: an admin revokes them on the sessions page)
    if (patch.disabled === true || patch.password !== undefined) await store.revokeUserSessions(user.id, now, 'session');
    this.deps.log.info({ username, by: by.user, changed: Object.keys(patch) }, 'user changed');
    return userView((await store.userById(user.id))!);
  }

  async remove(username: string, by: Principal): Promise<void> {
    if (username === by.user) throw new ConflictError('you cannot delete your own account (ask another admin)', 'username', 'own_account');
    const store = await this.deps.authStore();
    const user = await this.find(store, username);
    await store.deleteUser(user.id);
    this.deps.log.info({ username, by: by.user }, 'user deleted with their sessions and tokens');
  }

  private async find(store: AuthStore, username: string): Promise<UserRecord> {
    const user = await store.userByName(username);
    if (!user) throw new NotFoundError(`no console user is named ${username}`, 'username');
    return user;
  }

  /** Bindings name "*" or configured clusters; one binding per cluster (the last one given wins). */
  private checkBindings(bindings: RoleBinding[]): RoleBinding[] {
    const known = new Set([ALL_CLUSTERS, ...this.deps.settings.clusters.map((c) => c.name)]);
    const byCluster = new Map<string, RoleBinding>();
    bindings.forEach((b, i) => {
      if (!known.has(b.cluster)) throw new BadInputError(`bindings.${i}.cluster: no cluster named "${b.cluster}" is configured (known: ${[...known].join(', ')})`, `bindings.${i}.cluster`);
      byCluster.set(b.cluster, { cluster: b.cluster, role: b.role });
    });
    return [...byCluster.values()];
  }
}
