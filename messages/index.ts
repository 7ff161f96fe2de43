import type { Locale } from '../i18n/preferences';
import enPreferences from './en/preferences.json';
import enShell from './en/shell.json';
import enStates from './en/states.json';
import zhPreferences from './zh-CN/preferences.json';
import zhShell from './zh-CN/shell.json';
import zhStates from './zh-CN/states.json';

/**
 * Every string of the pages, one file per part of the UI and language (messages/<locale>/<namespace>.json). English
 * is the reference: its shape is the type every other catalog must have, so a key missing in a translation is a
 * compile error, and catalogs.test.ts checks the values (none empty, the same ICU arguments in each language).
 */
const en = { preferences: enPreferences, shell: enShell, states: enStates };
export type Messages = typeof en;

const zhCN: Messages = { preferences: zhPreferences, shell: zhShell, states: zhStates };

export const CATALOGS: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
