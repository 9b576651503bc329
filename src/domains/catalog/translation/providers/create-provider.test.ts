import { afterEach, describe, expect, it } from 'vitest';
import { startDeepLSimulator } from '../../../../../test/simulators/deepl.ts';
import { startLibreTranslateSimulator } from '../../../../../test/simulators/libretranslate.ts';
import { createTranslationProvider } from './create-provider.ts';
import type { TranslateRequest } from './provider.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

describe('createTranslationProvider', () => {
  it('returns null when nothing is configured, so manual translation stays available', () => {
    expect(createTranslationProvider({})).toBeNull();
    expect(createTranslationProvider({ url: ' ', apiKey: '' })).toBeNull();
  });

  it('rejects a provider without what it needs', () => {
    expect(() => createTranslationProvider({ provider: 'deepl' })).toThrow(/CUNKOU_TRANSLATE_KEY/);
    expect(() => createTranslationProvider({ provider: 'libretranslate' })).toThrow(/CUNKOU_TRANSLATE_URL/);
  });

  it('infers LibreTranslate from a URL and DeepL from a key, and both work end to end', async () => {
    const lt = await startLibreTranslateSimulator();
    const dl = await startDeepLSimulator({ authKey: 'k:fx' });
    closers.push(lt.close, dl.close);
    const libre = createTranslationProvider({ url: lt.url });
    const deepl = createTranslationProvider({ provider: 'deepl', apiKey: 'k:fx', url: dl.url });
    expect([libre?.name, deepl?.name]).toEqual(['libretranslate', 'deepl']);
    expect(createTranslationProvider({ apiKey: 'k:fx' })?.name).toBe('deepl');
    const req: TranslateRequest = { texts: ['薰衣草'], source: 'zh-CN', target: 'es', format: 'text' };
    expect(await libre?.translate(req)).toEqual(['lavanda']);
    expect(await deepl?.translate(req)).toEqual(['lavanda']);
  });
});
