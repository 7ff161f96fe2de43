/** Deep links an operator can paste in chat. */
export const messageHref = (msgId: string, topic?: string) => `/messages/${encodeURIComponent(msgId)}${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`;
export const traceHref = (msgId: string, topic?: string) => `/traces/${encodeURIComponent(msgId)}${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`;
