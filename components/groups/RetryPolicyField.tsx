'use client';

import { useTranslations } from 'next-intl';
import { parseDelay, showDelay } from '@/lib/console/core/delays';
import type { GroupRetryPolicy } from '@/lib/rocketmq/get-all-subscriptiongroup-config';

const input = 'rounded border border-slate-300 px-2 py-1';

/** The retry policy as the form holds it: kept as is, or one of the 5.x policies with its delays as typed. */
export interface RetryPolicyForm {
  mode: 'keep' | 'levels' | 'customized' | 'exponential';
  next: string;
  initial: string;
  max: string;
  multiplier: string;
}

export function retryPolicyForm(policy: GroupRetryPolicy | undefined): RetryPolicyForm {
  const blank = { next: '1s 5s 30s 2m 10m', initial: '1s', max: '2h', multiplier: '2' };
  if (!policy) return { mode: 'keep', ...blank };
  if (policy.type === 'EXPONENTIAL' && policy.initial !== undefined) return { mode: 'keep', ...blank, initial: showDelay(policy.initial), max: showDelay(policy.max ?? 0), multiplier: String(policy.multiplier ?? 2) };
  if (policy.type === 'CUSTOMIZED' && policy.next) return { mode: 'keep', ...blank, next: policy.next.map(showDelay).join(' ') };
  return { mode: 'keep', ...blank };
}

/** "1s 5s 2m" to milliseconds, a bare number being milliseconds; a token the form cannot read stays NaN, so the server names the field. */
function ms(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : parseDelay(text);
}

/** The request's retryPolicy, or nothing when the form keeps the brokers' policy. */
export function retryPolicyRequest(form: RetryPolicyForm): { retryPolicy?: unknown } {
  if (form.mode === 'keep') return {};
  if (form.mode === 'levels') return { retryPolicy: { type: 'CUSTOMIZED' } };
  if (form.mode === 'customized') return { retryPolicy: { type: 'CUSTOMIZED', next: form.next.split(/[\s,]+/).filter(Boolean).map(ms) } };
  return { retryPolicy: { type: 'EXPONENTIAL', initial: ms(form.initial), max: ms(form.max), multiplier: Number(form.multiplier) } };
}

/** 5.x: how long the broker waits before each redelivery of a message the group failed to consume. */
export function RetryPolicyField({ form, onChange, current }: { form: RetryPolicyForm; onChange: (form: RetryPolicyForm) => void; current?: string }) {
  const t = useTranslations('groups.retryPolicy');
  const set = (patch: Partial<RetryPolicyForm>) => onChange({ ...form, ...patch });
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2">
        <span className="w-48 text-slate-600">{t('label')}</span>
        <select value={form.mode} onChange={(e) => set({ mode: e.target.value as RetryPolicyForm['mode'] })} aria-label={t('aria')} className={input}>
          <option value="keep">{current ? t('keepCurrent', { current }) : t('keepDefault')}</option>
          <option value="levels">{t('levels')}</option>
          <option value="customized">{t('customized')}</option>
          <option value="exponential">{t('exponential')}</option>
        </select>
      </label>
      {form.mode === 'customized' && (
        <label className="flex items-center gap-2 pl-50">
          <span className="text-slate-600">{t('delaysBefore')}</span>
          <input value={form.next} onChange={(e) => set({ next: e.target.value })} aria-label="retryPolicy.next" className={`${input} w-72 font-mono`} placeholder="1s 5s 30s 2m" />
        </label>
      )}
      {form.mode === 'exponential' && (
        <div className="flex items-center gap-2 pl-50">
          <span className="text-slate-600">{t('from')}</span>
          <input value={form.initial} onChange={(e) => set({ initial: e.target.value })} aria-label="retryPolicy.initial" className={`${input} w-20 text-right font-mono`} />
          <span className="text-slate-600">× </span>
          <input value={form.multiplier} onChange={(e) => set({ multiplier: e.target.value })} aria-label="retryPolicy.multiplier" className={`${input} w-14 text-right`} />
          <span className="text-slate-600">{t('perRetry')}</span>
          <input value={form.max} onChange={(e) => set({ max: e.target.value })} aria-label="retryPolicy.max" className={`${input} w-20 text-right font-mono`} />
        </div>
      )}
    </div>
  );
}
