'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useRecordSearch } from '../api/favourites';
import { paths } from '../paths';
import { useCluster } from '../useCluster';

/** Why text is not a message id (the catalog key and its length), or undefined when it could be one (32 or 56 hex characters, or a 5.x gRPC client's 34). */
export function idProblem(text: string): { key: 'enterId' | 'notHex' | 'badLength'; length: number } | undefined {
  const id = text.trim();
  if (id === '') return { key: 'enterId', length: 0 };
  if (!/^[0-9a-fA-F]+$/.test(id)) return { key: 'notHex', length: id.length };
  if (id.length === 34 && id.startsWith('01')) return undefined;
  if (id.length !== 32 && id.length !== 56) return { key: 'badLength', length: id.length };
  return undefined;
}

/**
 * One input for both kinds of id: the client msgId (UNIQ_KEY) and the offsetMsgId (store host + commit-log offset).
 * The server tells them apart; the topic is only needed for a client msgId whose producer did not trace.
 */
export function IdSearch({ initialId = '', initialTopic = '' }: { initialId?: string; initialTopic?: string }) {
  const t = useTranslations('messages.idSearch');
  const cluster = useCluster();
  const router = useRouter();
  const [id, setId] = useState(initialId);
  const [topic, setTopic] = useState(initialTopic);
  const [problem, setProblem] = useState<ReturnType<typeof idProblem>>();
  const record = useRecordSearch(cluster);
  const go = (kind: 'msgId' | 'trace') => {
    const p = idProblem(id);
    setProblem(p);
    if (p) return;
    const msgId = id.trim().toUpperCase();
    const tp = topic.trim() || undefined;
    record({ kind, params: { msgId, ...(tp ? { topic: tp } : {}) } });
    router.push((kind === 'msgId' ? paths.message : paths.trace)(cluster, msgId, tp));
  };
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        go('msgId');
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t('id')}</span>
          <input
            name="msgId"
            value={id}
            onChange={(e) => setId(e.target.value)}
            aria-invalid={problem ? true : undefined}
            className="w-[26rem] rounded border border-slate-300 px-2 py-1.5 font-mono text-sm"
            placeholder="7F00000100002A9F0000000000000000"
          />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t('topic')}</span>
          <input name="topic" value={topic} onChange={(e) => setTopic(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" placeholder={t('topicPlaceholder')} />
        </label>
        <button type="submit" className="rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700">{t('find')}</button>
        <button type="button" onClick={() => go('trace')} className="rounded border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-50">{t('showTrace')}</button>
      </div>
      {problem && <p role="alert" className="text-sm text-red-700">{t(problem.key, { length: String(problem.length) })}</p>}
      <p className="text-xs text-slate-500">
        {t('hint')}
      </p>
    </form>
  );
}
