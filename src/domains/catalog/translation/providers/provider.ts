/**
 * Machine translation behind one small strategy interface, so catalog use cases never know which
 * service (self-hosted LibreTranslate or DeepL) is configured. Manual translation needs none.
 */

/** A seller's glossary line: keep a term as written, or force a fixed translation for the target. */
export interface GlossaryEntry {
  term: string;
  translation?: string;
  doNotTranslate: boolean;
}

export interface TranslateRequest {
  /** Texts to translate; the result has the same length and order. */
  texts: string[];
  /** BCP 47 tags as stored in the catalog (zh-CN, en, en-GB, de, pt-BR, ja…). */
  source: string;
  target: string;
  /** `html` for rich descriptions: tags and attributes come back unchanged. */
  format: 'text' | 'html';
  glossary?: GlossaryEntry[];
}

export type TranslationProviderName = 'libretranslate' | 'deepl';

export interface TranslationProvider {
  readonly name: TranslationProviderName;
  translate(req: TranslateRequest): Promise<string[]>;
}
