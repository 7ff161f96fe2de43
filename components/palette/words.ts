import type { useTranslations } from 'next-intl';
import type { Heading, NavKey, PaletteWords } from './items';

/** The palette's words from the catalog: `t` over shell.palette.words, `nav` over shell.nav (the pages' names). */
export function paletteWords(t: ReturnType<typeof useTranslations<'shell.palette.words'>>, nav: ReturnType<typeof useTranslations<'shell.nav'>>): PaletteWords {
  return {
    heading: (h: Heading) => t(`headings.${h}`),
    page: (key: NavKey) => nav(key),
    allClusters: t('allClusters'),
    home: t('home'),
    account: t('account'),
    accountDetail: t('accountDetail'),
    thisCluster: t('thisCluster'),
    cluster: t('cluster'),
    systemGroup: t('systemGroup'),
    consumerGroup: t('consumerGroup'),
    master: t('master'),
    slave: (brokerId) => t('slave', { brokerId: String(brokerId) }),
    openMessage: (id) => t('openMessage', { id }),
    storedOn: (host) => t('storedOn', { host }),
    inTopic: (topic) => t('inTopic', { topic }),
    anyId: t('anyId'),
    reset: (group, at) => t('reset', { group, at }),
    resetDetail: t('resetDetail'),
    keyIn: (key, topic) => t('keyIn', { key, topic }),
    keyAny: (key) => t('keyAny', { key }),
    keyInDetail: t('keyInDetail'),
    keyAnyDetail: t('keyAnyDetail'),
  };
}
