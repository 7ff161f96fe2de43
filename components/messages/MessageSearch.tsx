'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { URL_STATE_OPTIONS } from '../urlState';
import { IdSearch } from './IdSearch';
import { KeySearch } from './KeySearch';

const MODES = [
  { id: 'id', label: 'byId' },
  { id: 'key', label: 'byKey' },
  { id: 'range', label: 'byRange' },
] as const;

/** The three ways to find a message, one tab each; the tab lives in the URL (?mode=). */
export function MessageSearch({ range }: { range: ReactNode }) {
  const t = useTranslations('messages.search');
  const [mode, setMode] = useQueryState('mode', parseAsStringLiteral(MODES.map((m) => m.id)).withDefault('id').withOptions(URL_STATE_OPTIONS));
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t('searchBy')} className="flex gap-1 border-b border-slate-200">
        {MODES.map((m) => (
          <button
            key={m.id}
            role="tab"
            type="button"
            aria-selected={mode === m.id}
            onClick={() => void setMode(m.id)}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${mode === m.id ? 'border-blue-600 font-medium text-blue-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t(m.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="rounded-lg border border-slate-200 bg-white p-4">
        {mode === 'key' ? <KeySearch /> : mode === 'range' ? range : <IdSearch />}
      </div>
    </div>
  );
}
