import type { Refusal } from '@/lib/console/auth/principal';

export type RefusalView = Pick<Refusal, 'message'> & Partial<Pick<Refusal, 'code' | 'permission' | 'detail'>>;

/** The 'states.refusal' translator (useTranslations or getTranslations), as far as this needs it. */
type Translate = (key: 'unauthenticated' | 'passwordChange' | 'readOnly' | 'accountReadOnly' | 'onCluster' | 'everywhere' | 'youAre' | 'singleOnly' | 'noRole' | 'forbidden', values?: Record<string, string>) => string;

/**
 * A refusal in the page's language. The server's sentence is English (the API, the CLI and MCP say it too); its
 * parts travel with it, so the page says the same thing in its own words. A refusal without them (a broker account
 * that is read-only, in the broker's words) keeps the server's sentence.
 */
export function refusalText(t: Translate, r: RefusalView): string {
  const d = r.detail;
  if (r.code === 'unauthenticated') return t('unauthenticated', { header: 'Authorization: Bearer <token>' });
  if (r.code === 'password_change_required') return t('passwordChange');
  if (r.code === 'read_only' && d?.cluster && d.account) return t('accountReadOnly', { cluster: d.cluster, account: d.account });
  if (r.code === 'read_only' && d?.cluster) return t('readOnly', { cluster: d.cluster });
  if (r.code !== 'forbidden' || !d?.required || !r.permission) return r.message;
  const where = d.cluster ? t('onCluster', { cluster: d.cluster }) : t('everywhere');
  const has = d.role ? t('youAre', { role: d.role, where }) : d.elsewhere ? t('singleOnly', { bindings: d.elsewhere }) : t('noRole', { where });
  return t('forbidden', { permission: r.permission, role: d.required, where, has });
}
