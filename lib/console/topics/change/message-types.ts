/** Message types a topic can declare (the `message.type` attribute, 5.x), in a module of its own without zod: the topic pages' change dialog needs the list, and importing it from the request schema shipped zod to the browser. */
export const MESSAGE_TYPES = ['NORMAL', 'FIFO', 'DELAY', 'TRANSACTION'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
