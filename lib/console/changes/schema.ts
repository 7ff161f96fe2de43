import { z } from 'zod';

/** Preview a change: which kind, and its request (the kind validates it, naming the field). */
export const ChangePreviewBody = z.object({
  action: z.string({ message: 'action is required (e.g. topic.upsert)' }).min(1, 'action is empty'),
  request: z.unknown(),
});

/** Apply a kept preview: its id and the confirmation (true, or the target's name where typing it is required). */
export const ChangeApplyBody = z.object({
  previewId: z.string({ message: 'previewId is required' }).min(1, 'previewId is empty'),
  confirm: z.union([z.literal(true), z.string()], { message: 'confirm must be true or the typed name' }),
});

export const ChangeUndoBody = z.object({
  auditId: z.coerce.number({ message: 'auditId must be a number' }).int('auditId must be a whole number').positive('auditId must be positive'),
});
