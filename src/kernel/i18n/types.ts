/** The languages the server speaks. Sellers work in Chinese; English is the default and the log language. */
export const supportedLocales = ['zh-CN', 'en'] as const;
export type Locale = (typeof supportedLocales)[number];

/** One catalog entry: the same message in every supported language, with `{name}` placeholders. */
export type Template = { readonly [L in Locale]: string };
