import { z } from 'zod';
import { ALERT_SEVERITIES } from '../rules';
import { CHANNEL_KINDS } from './types';

const ruleId = z.string().regex(/^[\w-]{1,64}$/, 'ruleIds must hold rule ids (1-64 letters, digits, _ or -)');
const address = (field: string) => z.string().trim().max(254, `${field} is longer than 254 characters`).regex(/^[^\s@<>]+@[^\s@<>]+$/, `${field} must be an email address`);

/**
 * A channel as the API takes it. Secrets are write-only: `secret` or `email.password` left out keeps the stored one,
 * null clears it.
 */
export const ChannelBody = z
  .object({
    name: z.string().trim().min(1, 'name is empty').max(120, 'name is longer than 120 characters'),
    kind: z.enum(CHANNEL_KINDS, { message: `kind must be one of ${CHANNEL_KINDS.join(', ')}` }),
    url: z
      .string()
      .trim()
      .max(2000, 'url is longer than 2000 characters')
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'url must be an http:// or https:// URL')
      .optional(),
    secret: z.string().min(1, 'secret is empty: leave it out to keep the stored one, or send null to remove it').max(512, 'secret is longer than 512 characters').nullable().optional(),
    email: z
      .object({
        host: z.string().trim().min(1, 'email.host is empty').max(255, 'email.host is longer than 255 characters'),
        port: z.number({ message: 'email.port must be a number' }).int('email.port must be whole').min(1, 'email.port must be 1-65535').max(65535, 'email.port must be 1-65535'),
        secure: z.boolean({ message: 'email.secure must be true or false' }).default(false),
        user: z.string().max(255, 'email.user is longer than 255 characters').optional(),
        password: z.string().max(512, 'email.password is longer than 512 characters').nullable().optional(),
        from: address('email.from'),
        to: z.array(address('email.to'), { message: 'email.to must be a list of addresses' }).min(1, 'email.to is empty: name at least one recipient').max(50, 'email.to holds more than 50 addresses'),
      })
      .strict()
      .optional(),
    minSeverity: z.enum(ALERT_SEVERITIES, { message: `minSeverity must be one of ${ALERT_SEVERITIES.join(', ')}` }).default('warning'),
    ruleIds: z.array(ruleId, { message: 'ruleIds must be a list of rule ids' }).max(1000, 'ruleIds holds more than 1000 ids').optional(),
    sendResolved: z.boolean({ message: 'sendResolved must be true or false' }).default(true),
    minIntervalMs: z.number({ message: 'minIntervalMs must be a number of milliseconds' }).int('minIntervalMs must be whole milliseconds').min(0, 'minIntervalMs must be 0 or more').max(3_600_000, 'minIntervalMs must be at most an hour').default(60_000),
    enabled: z.boolean({ message: 'enabled must be true or false' }).default(true),
  })
  .strict()
  .superRefine((c, issue) => {
    if (c.kind === 'email' && !c.email) issue.addIssue({ code: 'custom', path: ['email'], message: 'email is missing: an email channel needs its SMTP server and recipients' });
    if (c.kind !== 'email' && !c.url) issue.addIssue({ code: 'custom', path: ['url'], message: `url is missing: a ${c.kind} channel needs the receiver's URL` });
    if (c.kind === 'email' && c.url) issue.addIssue({ code: 'custom', path: ['url'], message: 'url is for HTTP channels: an email channel takes email' });
    if (c.kind !== 'email' && c.email) issue.addIssue({ code: 'custom', path: ['email'], message: `email is for email channels, not ${c.kind}` });
    if ((c.kind === 'slack' || c.kind === 'wecom') && c.secret) issue.addIssue({ code: 'custom', path: ['secret'], message: `secret: ${c.kind} webhooks are not signed (the URL is the secret)` });
  });
export type ChannelInput = z.infer<typeof ChannelBody>;

export const DeliveriesQuery = z
  .object({
    limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be whole').min(1, 'limit must be 1 or more').max(200, 'limit must be at most 200').default(50),
    before: z.coerce.number({ message: 'before must be a delivery id' }).int('before must be a delivery id').min(1, 'before must be a delivery id').optional(),
    channelId: z.string().regex(/^[\w-]{1,64}$/, 'channelId must be 1-64 letters, digits, _ or -').optional(),
  })
  .strict();
