import { paths } from '../paths';

/**
 * The sections of a cluster, in the sidebar's order: the sidebar and the command palette list the same pages. `key`
 * names the section in the catalogs (shell.nav.<key>); `label` is its English name, which the palette also matches.
 */
export const NAV = [
  { path: paths.cluster, key: 'brokers', label: 'Brokers', section: ['', '/brokers'] },
  { path: paths.topics, key: 'topics', label: 'Topics', section: ['/topics'] },
  { path: paths.groups, key: 'groups', label: 'Consumer groups', section: ['/groups'] },
  { path: paths.alerts, key: 'alerts', label: 'Alerts', section: ['/alerts'] },
  { path: paths.producers, key: 'producers', label: 'Producers', section: ['/producers'] },
  { path: paths.messages, key: 'messages', label: 'Messages', section: ['/messages'] },
  { path: paths.traces, key: 'traces', label: 'Traces', section: ['/traces'] },
  { path: paths.scheduled, key: 'scheduled', label: 'Scheduled', section: ['/scheduled'] },
  { path: paths.ordered, key: 'ordered', label: 'Ordered', section: ['/ordered'] },
  { path: paths.storage, key: 'storage', label: 'Storage', section: ['/storage'] },
  { path: paths.ha, key: 'ha', label: 'High availability', section: ['/ha'] },
  { path: paths.acl, key: 'acl', label: 'Access control', section: ['/acl'] },
  { path: paths.config, key: 'config', label: 'Configuration', section: ['/config'] },
  { path: (c: string) => paths.audit(c), key: 'audit', label: 'Audit log', section: ['/audit'] },
] as const;
