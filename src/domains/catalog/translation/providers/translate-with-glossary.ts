/**
 * The request pipeline both adapters share: protect glossary terms, skip blank texts (services
 * reject or bill them for nothing), send the rest, restore the terms in the original order.
 */
import { AppError } from '../../../../kernel/errors.ts';
import { protectTerms, restoreTerms } from './glossary-protect.ts';
import type { TranslateRequest } from './provider.ts';

/** Sends already-protected, non-blank texts; must resolve to one translation per input. */
export type SendTexts = (texts: string[]) => Promise<string[]>;

export async function translateWithGlossary(req: TranslateRequest, send: SendTexts): Promise<string[]> {
  if (!req.source.trim() || !req.target.trim()) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Choose both the source and the target language before translating.',
      {
        issues: [{ field: req.source.trim() ? 'target' : 'source', message: 'Language is required' }],
      },
    );
  }
  const out = req.texts.slice();
  const pending: { index: number; slots: string[] }[] = [];
  const outgoing: string[] = [];
  req.texts.forEach((text, index) => {
    if (text.trim() === '') return;
    const prepared = protectTerms(text, req.glossary ?? [], req.format);
    pending.push({ index, slots: prepared.slots });
    outgoing.push(prepared.text);
  });
  if (outgoing.length === 0) return out;
  const translated = await send(outgoing);
  pending.forEach((p, k) => {
    out[p.index] = restoreTerms(translated[k] ?? '', p.slots, req.format).text;
  });
  return out;
}
