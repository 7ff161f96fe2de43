'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { MessageView } from '@/lib/console/messages/model';
import { formatBytes } from '../format';

const VIEWS = ['text', 'json', 'hex', 'base64'] as const;
type BodyMode = (typeof VIEWS)[number];
/** Hex of more than this is slow to render and useless to read: the download has the rest. */
const HEX_LIMIT = 64 * 1024;

function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let at = 0; at < Math.min(bytes.length, HEX_LIMIT); at += 16) {
    const row = bytes.subarray(at, at + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}

/** The body as text, pretty JSON, hex or base64; JSON is the default when it parses. */
export function BodyView({ body, downloadHref }: { body: MessageView['body']; downloadHref: string }) {
  const t = useTranslations('messages.body');
  if (body.withheld) {
    return (
      <p className="text-sm text-slate-600" data-testid="body-withheld">
        {t('withheld', { size: formatBytes(body.size), reason: body.withheld })}
      </p>
    );
  }
  return <BodyContent body={body} downloadHref={downloadHref} />;
}

function BodyContent({ body, downloadHref }: { body: MessageView['body']; downloadHref: string }) {
  const t = useTranslations('messages.body');
  const bytes = useMemo(() => bytesOf(body.base64), [body.base64]);
  const text = useMemo(() => new TextDecoder('utf-8', { fatal: false }).decode(bytes), [bytes]);
  const json = useMemo(() => {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return undefined;
    }
  }, [text]);
  const [mode, setMode] = useState<BodyMode>(json !== undefined && !body.truncated ? 'json' : 'text');
  const shown = mode === 'json' ? json ?? t('notJson') : mode === 'hex' ? hexDump(bytes) : mode === 'base64' ? body.base64 : text;
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <div role="tablist" aria-label={t('bodyAs')} className="flex rounded border border-slate-300 text-xs">
          {VIEWS.map((v) => (
            <button key={v} role="tab" type="button" aria-selected={mode === v} onClick={() => setMode(v)} className={`px-3 py-1 ${mode === v ? 'bg-slate-800 text-white' : 'hover:bg-slate-100'}`}>
              {v === 'json' ? 'JSON' : v}
            </button>
          ))}
        </div>
        <span className="text-xs text-slate-500">{formatBytes(body.size)}</span>
        <a href={downloadHref} className="text-xs text-blue-700 hover:underline" data-testid="body-download">
          {t('download')}
        </a>
      </div>
      {body.stillCompressed && <p className="mb-2 text-sm text-amber-800">{body.error ? t('stillCompressedError', { error: body.error }) : t('stillCompressed')}</p>}
      {body.truncated && <p className="mb-2 text-sm text-amber-800" data-testid="body-truncated">{t('truncated', { shown: formatBytes(bytesOf(body.base64).length), size: formatBytes(body.size) })}</p>}
      {mode === 'hex' && bytes.length > HEX_LIMIT && <p className="mb-2 text-xs text-slate-500">{t('hexOf', { size: formatBytes(HEX_LIMIT) })}</p>}
      <pre data-testid="message-body" className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">{shown}</pre>
    </div>
  );
}
