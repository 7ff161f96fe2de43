'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useEffect, useState, useSyncExternalStore } from 'react';

// the palette's code (cmdk, the dialog) is fetched the first time it opens, not with every page
const PaletteDialog = dynamic(() => import('./PaletteDialog').then((m) => m.PaletteDialog), { ssr: false });

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** ⌘K on a Mac, Ctrl K elsewhere; the server does not know, so it renders the latter. */
function useShortcutLabel(): string {
  return useSyncExternalStore(
    () => () => undefined,
    () => (isMac() ? '⌘K' : 'Ctrl K'),
    () => 'Ctrl K',
  );
}

/**
 * The shell's way into the command palette: Ctrl-K or Cmd-K on any page (also while typing in a field: the
 * browser's own Ctrl-K, focus the address bar, is what it replaces), and a button with the shortcut on it.
 */
export function PaletteLauncher() {
  const t = useTranslations('shell.palette');
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const shortcut = useShortcutLabel();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'k' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      setLoaded(true);
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        className="mx-2 mb-2 flex items-center justify-between gap-2 rounded border border-slate-700 bg-slate-800 px-3 py-1.5 text-left text-sm text-slate-300 hover:border-slate-500 hover:text-white"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="palette-button"
      >
        <span>{t('open')}</span>
        <kbd className="rounded border border-slate-600 px-1.5 font-sans text-xs text-slate-400">{shortcut}</kbd>
      </button>
      {loaded && <PaletteDialog open={open} onOpenChange={setOpen} />}
    </>
  );
}
