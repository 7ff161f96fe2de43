import { z } from 'zod';
import { ALERT_KINDS, ALERT_SEVERITIES, isBrokerKind } from './rules';

const pattern = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} is empty: leave it out to match everything`)
    .max(255, `${field} is longer than 255 characters`)
    .regex(/^[\w%.*?:|-]+$/, `${field} may hold letters, digits, _ % . - : | and the wildcards * and ?`)
    .optional();

/** A rule as the API takes it; the id is the URL's (or made for a new rule). */
export const AlertRuleBody = z
  .object({
    name: z.string().trim().min(1, 'name is empty').max(120, 'name is longer than 120 characters'),
    kind: z.enum(ALERT_KINDS, { message: `kind must be one of ${ALERT_KINDS.join(', ')}` }),
    groupPattern: pattern('groupPattern'),
    topicPattern: pattern('topicPattern'),
    brokerPattern: pattern('brokerPattern'),
    threshold: z.number({ message: 'threshold must be a number' }).finite('threshold must be finite').min(0, 'threshold must be 0 or more'),
    forMs: z.number({ message: 'forMs must be a number of milliseconds' }).int('forMs must be whole milliseconds').min(0, 'forMs must be 0 or more').max(7 * 24 * 3_600_000, 'forMs must be at most 7 days'),
    severity: z.enum(ALERT_SEVERITIES, { message: `severity must be one of ${ALERT_SEVERITIES.join(', ')}` }),
    note: z.string().max(2000, 'note is longer than 2000 characters').optional(),
    enabled: z.boolean({ message: 'enabled must be true or false' }).default(true),
  })
  .strict()
  .superRefine((r, issue) => {
    if (isBrokerKind(r.kind)) {
      for (const field of ['groupPattern', 'topicPattern'] as const) if (r[field] !== undefined) issue.addIssue({ code: 'custom', path: [field], message: `${field} is for group kinds: a ${r.kind} rule takes brokerPattern` });
      if (r.kind === 'disk-ratio' && r.threshold > 100) issue.addIssue({ code: 'custom', path: ['threshold'], message: 'threshold of disk-ratio is a percentage, at most 100' });
    } else if (r.brokerPattern !== undefined) {
      issue.addIssue({ code: 'custom', path: ['brokerPattern'], message: `brokerPattern is for broker kinds: a ${r.kind} rule takes groupPattern and topicPattern` });
    }
  });
export type AlertRuleInput = z.infer<typeof AlertRuleBody>;

export const RuleImportBody = z
  .object({
    rules: z.array(AlertRuleBody.and(z.object({ id: z.string().regex(/^[\w-]{1,64}$/, 'id must be 1-64 letters, digits, _ or -').optional() })), { message: 'rules must be a list of rules' }).max(1000, 'rules holds more than 1000 rules'),
    /** replace: the cluster's rules become exactly these; merge (default): these are added or replace those of their id. */
    mode: z.enum(['merge', 'replace'], { message: 'mode must be merge or replace' }).default('merge'),
  })
  .strict();

export const SilenceBody = z
  .object({
    ruleId: z.string().regex(/^[\w-]{1,64}$/, 'ruleId must be 1-64 letters, digits, _ or -').optional(),
    subjectPattern: pattern('subjectPattern'),
    durationMs: z.number({ message: 'durationMs must be a number of milliseconds' }).int('durationMs must be whole milliseconds').min(60_000, 'durationMs must be at least a minute').max(30 * 24 * 3_600_000, 'durationMs must be at most 30 days'),
    reason: z.string().trim().min(1, 'reason is empty: say why the alerts are silenced').max(500, 'reason is longer than 500 characters'),
  })
  .strict();

export const AckBody = z
  .object({
    ruleId: z.string().regex(/^[\w-]{1,64}$/, 'ruleId must be 1-64 letters, digits, _ or -'),
    subject: z.string().min(1, 'subject is empty').max(255, 'subject is longer than 255 characters'),
    comment: z.string().max(500, 'comment is longer than 500 characters').optional(),
  })
  .strict();

export const AlertHistoryQuery = z
  .object({
    limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be whole').min(1, 'limit must be 1 or more').max(500, 'limit must be at most 500').default(100),
    before: z.coerce.number({ message: 'before must be an event id' }).int('before must be an event id').min(1, 'before must be an event id').optional(),
    ruleId: z.string().regex(/^[\w-]{1,64}$/, 'ruleId must be 1-64 letters, digits, _ or -').optional(),
    subject: z.string().min(1, 'subject is empty').max(255, 'subject is longer than 255 characters').optional(),
  })
  .strict();
