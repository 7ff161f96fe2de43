import { paths } from '../paths';

/** The sections of a cluster, in the sidebar's order: the sidebar and the command palette list the same pages. */
export const NAV = [
  { path: paths.cluster, label: 'Brokers', section: ['', '/brokers'] },
  { path: paths.topics, label: 'Topics', section: ['/topics'] },
  { path: paths.groups, label: 'Consumer groups', section: ['/groups'] },
  { path: paths.alerts, label: 'Alerts', section: ['/alerts'] },
  { path: paths.producers, label: 'Producers', section: ['/producers'] },
  { path: paths.messages, label: 'Messages', section: ['/messages'] },
  { path: paths.traces, label: 'Traces', section: ['/traces'] },
  { path: paths.scheduled, label: 'Scheduled', section: ['/scheduled'] },
  { path: paths.ordered, label: 'Ordered', section: ['/ordered'] },
  { path: paths.storage, label: 'Storage', section: ['/storage'] },
  { path: paths.ha, label: 'High availability', section: ['/ha'] },
  { path: paths.acl, label: 'Access control', section: ['/acl'] },
  { path: paths.config, label: 'Configuration', section: ['/config'] },
  { path: (c: string) => paths.audit(c), label: 'Audit log', section: ['/audit'] },
] as const;
