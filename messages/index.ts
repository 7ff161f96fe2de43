import type { Locale } from '../i18n/preferences';
import enAdmin from './en/admin.json';
import enDiagnosis from './en/diagnosis.json';
import enPlans from './en/plans.json';
import enStatus from './en/status.json';
import zhStatus from './zh-CN/status.json';
import zhPlans from './zh-CN/plans.json';
import zhDiagnosis from './zh-CN/diagnosis.json';
import zhAdmin from './zh-CN/admin.json';
import enPreviews from './en/previews.json';
import zhPreviews from './zh-CN/previews.json';
import enFavourites from './en/favourites.json';
import zhFavourites from './zh-CN/favourites.json';
import enHome from './en/home.json';
import zhHome from './zh-CN/home.json';
import enChanges from './en/changes.json';
import zhChanges from './zh-CN/changes.json';
import enMessages from './en/messages.json';
import zhMessages from './zh-CN/messages.json';
import enReset from './en/reset.json';
import zhReset from './zh-CN/reset.json';
import enGroups from './en/groups.json';
import zhGroups from './zh-CN/groups.json';
import enTopics from './en/topics.json';
import zhTopics from './zh-CN/topics.json';
import enAcl from './en/acl.json';
import enAlerts from './en/alerts.json';
import enAudit from './en/audit.json';
import enAuth from './en/auth.json';
import enBroker from './en/broker.json';
import enCluster from './en/cluster.json';
import enConfig from './en/config.json';
import enDlq from './en/dlq.json';
import enHa from './en/ha.json';
import enOrdered from './en/ordered.json';
import enPreferences from './en/preferences.json';
import enProducers from './en/producers.json';
import enScheduled from './en/scheduled.json';
import enShell from './en/shell.json';
import enStates from './en/states.json';
import enStorage from './en/storage.json';
import zhAcl from './zh-CN/acl.json';
import zhAlerts from './zh-CN/alerts.json';
import zhAudit from './zh-CN/audit.json';
import zhAuth from './zh-CN/auth.json';
import zhBroker from './zh-CN/broker.json';
import zhCluster from './zh-CN/cluster.json';
import zhConfig from './zh-CN/config.json';
import zhDlq from './zh-CN/dlq.json';
import zhHa from './zh-CN/ha.json';
import zhOrdered from './zh-CN/ordered.json';
import zhPreferences from './zh-CN/preferences.json';
import zhProducers from './zh-CN/producers.json';
import zhScheduled from './zh-CN/scheduled.json';
import zhShell from './zh-CN/shell.json';
import zhStates from './zh-CN/states.json';
import zhStorage from './zh-CN/storage.json';

/**
 * Every string of the pages, one file per part of the UI and language (messages/<locale>/<namespace>.json). English
 * is the reference: its shape is the type every other catalog must have, so a key missing in a translation is a
 * compile error, and catalogs.test.ts checks the values (none empty, the same ICU arguments in each language).
 */
const en = { admin: enAdmin, diagnosis: enDiagnosis, plans: enPlans, status: enStatus, previews: enPreviews, favourites: enFavourites, home: enHome, changes: enChanges, messages: enMessages, reset: enReset, groups: enGroups, topics: enTopics, acl: enAcl, alerts: enAlerts, audit: enAudit, auth: enAuth, broker: enBroker, cluster: enCluster, config: enConfig, dlq: enDlq, ha: enHa, ordered: enOrdered, preferences: enPreferences, producers: enProducers, scheduled: enScheduled, shell: enShell, states: enStates, storage: enStorage };
export type Messages = typeof en;

const zhCN: Messages = { admin: zhAdmin, diagnosis: zhDiagnosis, plans: zhPlans, status: zhStatus, previews: zhPreviews, favourites: zhFavourites, home: zhHome, changes: zhChanges, messages: zhMessages, reset: zhReset, groups: zhGroups, topics: zhTopics, acl: zhAcl, alerts: zhAlerts, audit: zhAudit, auth: zhAuth, broker: zhBroker, cluster: zhCluster, config: zhConfig, dlq: zhDlq, ha: zhHa, ordered: zhOrdered, preferences: zhPreferences, producers: zhProducers, scheduled: zhScheduled, shell: zhShell, states: zhStates, storage: zhStorage };

export const CATALOGS: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
