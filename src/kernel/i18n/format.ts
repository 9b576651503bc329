import { type MessageKey, messages } from './messages/index.ts';
import type { Locale } from './types.ts';

/** A message by id, to be rendered later in the reader's language. */
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

/** Several values in one placeholder, joined the way each language writes lists. */
export interface ListParam {
  list: readonly MessageParam[];
  sep: 'comma' | 'semicolon' | 'space';
}

/** Strings and numbers are inserted as they are (seller data: SKUs, column headers); refs are translated. */
export type MessageParam = string | number | MessageRef | ListParam;
export type MessageParams = Readonly<Record<string, MessageParam>>;

const separators: Record<ListParam['sep'], Record<Locale, string>> = {
  comma: { en: ', ', 'zh-CN': '、' },
  semicolon: { en: '; ', 'zh-CN': '；' },
  // Between whole sentences: Chinese full stops need no space.
  space: { en: ' ', 'zh-CN': '' },
};

/** Join already rendered items the way `locale` writes lists. */
export const joinList = (locale: Locale, items: readonly string[], sep: ListParam['sep']): string =>
  items.join(separators[sep][locale]);

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(messages, key);

export function formatMessage(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = messages[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(locale, value);
  });
}

function renderParam(locale: Locale, value: MessageParam): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('list' in value)
    return value.list.map((v) => renderParam(locale, v)).join(separators[value.sep][locale]);
  return formatMessage(locale, value.key, value.params);
}

/** English text of a message: what AppError.message and logs carry. */
export const englishOf = (key: MessageKey, params?: MessageParams): string =>
  formatMessage('en', key, params);

// English texts without placeholders, for messages that reach us as plain text (Zod schema messages).
let plainIndex: Map<string, MessageKey> | undefined;

/** The catalog key whose English text is exactly `text` (only for messages without placeholders). */
export function keyOfEnglish(text: string): MessageKey | undefined {
  if (!plainIndex) {
    plainIndex = new Map();
    for (const [key, t] of Object.entries(messages) as [MessageKey, { en: string }][]) {
      if (!t.en.includes('{')) plainIndex.set(t.en, key);
    }
  }
  return plainIndex.get(text);
}
