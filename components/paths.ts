/**
 * Every URL of the app and its API, built in one place: the cluster is the first segment of each (kafbat's
 * lib/paths.ts). Plain functions, usable from server pages and client views alike.
 */
const e = encodeURIComponent;
const withTopic = (topic?: string) => (topic ? `?topic=${e(topic)}` : '');

export const paths = {
  home: () => '/',
  cluster: (c: string) => `/clusters/${e(c)}`,
  broker: (c: string, addr: string) => `/clusters/${e(c)}/brokers/${e(addr)}`,
  topics: (c: string) => `/clusters/${e(c)}/topics`,
  topic: (c: string, topic: string) => `/clusters/${e(c)}/topics/${e(topic)}`,
  groups: (c: string) => `/clusters/${e(c)}/groups`,
  group: (c: string, group: string) => `/clusters/${e(c)}/groups/${e(group)}`,
  messages: (c: string) => `/clusters/${e(c)}/messages`,
  message: (c: string, msgId: string, topic?: string) => `/clusters/${e(c)}/messages/${e(msgId)}${withTopic(topic)}`,
  traces: (c: string) => `/clusters/${e(c)}/traces`,
  trace: (c: string, msgId: string, topic?: string) => `/clusters/${e(c)}/traces/${e(msgId)}${withTopic(topic)}`,
  config: (c: string) => `/clusters/${e(c)}/config`,
  scheduled: (c: string) => `/clusters/${e(c)}/scheduled`,
  ordered: (c: string) => `/clusters/${e(c)}/ordered`,
  producers: (c: string) => `/clusters/${e(c)}/producers`,
  storage: (c: string) => `/clusters/${e(c)}/storage`,
  ha: (c: string) => `/clusters/${e(c)}/ha`,
  acl: (c: string) => `/clusters/${e(c)}/acl`,
  alerts: (c: string) => `/clusters/${e(c)}/alerts`,
  audit: (c: string, filter?: { group?: string; topic?: string }) => `/clusters/${e(c)}/audit${filter?.group ? `?group=${e(filter.group)}` : filter?.topic ? `?topic=${e(filter.topic)}` : ''}`,
  auditEntry: (c: string, id: number) => `/clusters/${e(c)}/audit/${id}`,
  /** A kept plan to review and confirm (the link an MCP change tool hands out). */
  preview: (c: string, previewId: string) => `/clusters/${e(c)}/previews/${e(previewId)}`,
};

/** The API root of one cluster: /api/clusters/{cluster}. */
export const api = (c: string) => `/api/clusters/${e(c)}`;
