import 'i18next';
import type { UiResources } from './en';

/** Typed keys: `t('playback.play')` is checked against the English resources. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    resources: { ui: UiResources };
    returnNull: false;
  }
}
