import type { ClusterContext } from '../context';
import { getAccessControlView } from './simulate';

/** Whether the console's own account on a cluster may change anything there, as far as its ACL tells. */
export interface AccountAccess {
  readOnly: boolean;
  /** Why, in words for a disabled button. */
  reason?: string;
  /** The account the console signs with, when it is read-only (so a page can say the reason in its language). */
  accessKey?: string;
  asOf: number;
}

const TTL_MS = 5 * 60_000;

/**
 * The answer for one cluster, kept a few minutes (the UI asks on every page load; the ACL rarely changes). Known only
 * where the account's rights can be read: ACL 2.0 policies. An ACL 1.0 account's admin flag cannot be read from
 * outside, and an answer that failed is unknown: neither disables anything (the brokers' refusals still say it).
 */
export class AccountAccessCache {
  private value: AccountAccess | undefined;
  private pending: Promise<AccountAccess | undefined> | undefined;

  /** The kept answer; asks the brokers when it is missing or stale, waiting at most `waitMs` for the first one. */
  async current(ctx: ClusterContext, waitMs: number): Promise<AccountAccess | undefined> {
    if (!ctx.config.credentials) return undefined;
    if (this.value && Date.now() - this.value.asOf < TTL_MS) return this.value;
    this.pending ??= this.ask(ctx).finally(() => (this.pending = undefined));
    if (this.value) return this.value;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
    });
    try {
      return await Promise.race([this.pending, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async ask(ctx: ClusterContext): Promise<AccountAccess | undefined> {
    try {
      const account = (await getAccessControlView(ctx)).account;
      if (account?.mayChange === undefined) return undefined;
      this.value = account.mayChange
        ? { readOnly: false, asOf: Date.now() }
        : { readOnly: true, accessKey: account.accessKey, reason: `the console signs as ${account.accessKey} on cluster ${ctx.name}, whose ACL 2.0 policies allow no Create or Update on topics or groups: the brokers would refuse this change`, asOf: Date.now() };
      return this.value;
    } catch (error) {
      ctx.log.debug({ err: error }, 'could not tell whether the console\'s account may change anything');
      return undefined;
    }
  }
}
