'use client';

import type { ReactNode } from 'react';
import { useUrlState } from '../useUrlState';
import { IdSearch } from './IdSearch';
import { KeySearch } from './KeySearch';

const MODES = [
  { id: 'id', label: 'Message ID' },
  { id: 'key', label: 'Key' },
  { id: 'range', label: 'Topic & time' },
] as const;

/** The three ways to find a message, one tab each; the tab lives in the URL (?mode=). */
export function MessageSearch({ range }: { range: ReactNode }) {
  const [state, set] = useUrlState({ mode: 'id' });
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Search by" className="flex gap-1 border-b border-slate-200">
        {MODES.map((m) => (
          <button
            key={m.id}
            role="tab"
            type="button"
            aria-selected={state.mode === m.id}
            onClick={() => set({ mode: m.id })}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${state.mode === m.id ? 'border-blue-600 font-medium text-blue-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {m.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="rounded-lg border border-slate-200 bg-white p-4">
        {state.mode === 'key' ? <KeySearch /> : state.mode === 'range' ? range : <IdSearch />}
      </div>
    </div>
  );
}
