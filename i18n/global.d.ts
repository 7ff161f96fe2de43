import type { Messages } from '../messages';
import type { Locale } from './preferences';

// next-intl checks every t('key') against the English catalog, and every locale against ours
declare module 'next-intl' {
  interface AppConfig {
    Messages: Messages;
    Locale: Locale;
  }
}
