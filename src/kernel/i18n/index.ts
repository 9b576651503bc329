/** Server messages in zh-CN and en: a typed catalog, formatting and the choice of language. */
export {
  englishOf,
  formatMessage,
  isMessageKey,
  joinList,
  keyOfEnglish,
  type ListParam,
  type MessageParam,
  type MessageParams,
  type MessageRef,
} from './format.ts';
export { type MessageKey, messages } from './messages/index.ts';
export { acceptedLocale, matchLocale, pickLocale } from './pick-locale.ts';
export { type Locale, supportedLocales, type Template } from './types.ts';
