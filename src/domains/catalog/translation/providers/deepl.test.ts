import { afterEach, describe, expect, it } from 'vitest';
import { startDeepLSimulator } from '../../../../../test/simulators/deepl.ts';
import { createDeepLProvider, deepLBaseUrl, toDeepLSource, toDeepLTarget } from './deepl.ts';
import type { RetryOptions } from './request-with-retry.ts';

type Sim = Awaited<ReturnType<typeof startDeepLSimulator>>;
const sims: Sim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

const KEY = 'f63c02c5-f056-4a1b-9e2c-000000000000:fx';

async function setup(
  simOpts: Partial<Parameters<typeof startDeepLSimulator>[0]> = {},
  authKey = KEY,
  retry: RetryOptions = {},
) {
  const sim = await startDeepLSimulator({ authKey: KEY, ...simOpts });
  sims.push(sim);
  const sleeps: number[] = [];
  const provider = createDeepLProvider({
    authKey,
    baseUrl: sim.url,
    retry: { maxAttempts: 3, sleep: async (ms) => void sleeps.push(ms), ...retry },
  });
  return { sim, provider, sleeps };
}

const bodyOf = (sim: Sim, i: number) => sim.requests[i]?.body as Record<string, unknown>;

describe('DeepL language and endpoint mapping', () => {
  it.each([
    ['en', 'EN-US'],
    ['en-US', 'EN-US'],
    ['en-GB', 'EN-GB'],
    ['pt', 'PT-PT'],
    ['pt-BR', 'PT-BR'],
    ['zh-CN', 'ZH-HANS'],
    ['zh-TW', 'ZH-HANT'],
    ['de', 'DE'],
    ['ja', 'JA'],
  ])('target %s → %s', (tag, code) => expect(toDeepLTarget(tag)).toBe(code));

  it('uses plain codes for the source', () => {
    expect(['zh-CN', 'en-US', 'pt-BR'].map(toDeepLSource)).toEqual(['ZH', 'EN', 'PT']);
  });

  it('sends Free keys (":fx") to api-free.deepl.com and others to api.deepl.com', () => {
    expect(deepLBaseUrl('abc:fx')).toBe('https://api-free.deepl.com');
    expect(deepLBaseUrl('abc')).toBe('https://api.deepl.com');
  });
});

describe('DeepL adapter against the simulator', () => {
  it('translates with header auth and DeepL language codes', async () => {
    const { sim, provider } = await setup();
    const out = await provider.translate({
      texts: ['香薰蜡烛', '大豆蜡和棉芯'],
      source: 'zh-CN',
      target: 'en',
      format: 'text',
    });
    expect(out).toEqual(['scented candle', 'soy wax and cotton wick']);
    expect(sim.requests[0]?.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(bodyOf(sim, 0)).toMatchObject({
      text: ['香薰蜡烛', '大豆蜡和棉芯'],
      source_lang: 'ZH',
      target_lang: 'EN-US',
    });
  });

  it('batches more than 50 texts, order kept', async () => {
    const { sim, provider } = await setup();
    const texts = Array.from({ length: 120 }, (_, i) => `蜡烛 ${i}`);
    const out = await provider.translate({ texts, source: 'zh-CN', target: 'de', format: 'text' });
    expect(out).toEqual(texts.map((_, i) => `Kerze ${i}`));
    expect(sim.requests.map((r) => (r.body as { text: string[] }).text.length)).toEqual([50, 50, 20]);
  });

  it('html keeps tags and sets tag_handling', async () => {
    const { sim, provider } = await setup();
    const [out] = await provider.translate({
      texts: ['<ul><li data-x="1">燃烧时间 40 小时</li><li>玻璃罐</li></ul>'],
      source: 'zh-CN',
      target: 'pt-BR',
      format: 'html',
    });
    expect(out).toBe('<ul><li data-x="1">[pt] 燃烧时间 40 [pt] 小时</li><li>[pt] 玻璃罐</li></ul>');
    expect(bodyOf(sim, 0)).toMatchObject({ tag_handling: 'html', target_lang: 'PT-BR' });
  });

  it('keeps do-not-translate terms and applies forced translations', async () => {
    const { provider } = await setup();
    const glossary = [
      { term: '暖光', doNotTranslate: true },
      { term: 'Lumière Candle Co.', doNotTranslate: true },
      { term: '香薰', translation: 'scented', doNotTranslate: false },
    ];
    const req = { source: 'zh-CN', glossary } as const;
    expect(
      await provider.translate({ ...req, texts: ['玫瑰香薰礼盒'], target: 'en', format: 'text' }),
    ).toEqual(['rose scented gift box']);
    expect(
      await provider.translate({
        ...req,
        texts: ['暖光 Lumière Candle Co. 蜡烛'],
        target: 'es',
        format: 'text',
        glossary: glossary.slice(0, 2),
      }),
    ).toEqual(['暖光 Lumière Candle Co. vela']);
    expect(
      await provider.translate({ ...req, texts: ['<p>暖光 <i>香薰</i></p>'], target: 'en', format: 'html' }),
    ).toEqual(['<p>暖光 <i>scented</i></p>']);
  });

  it('explains a wrong key without echoing it and does not retry', async () => {
    const { sim, provider } = await setup({}, 'wrong-secret-key:fx');
    const err = await provider
      .translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'en', format: 'text' })
      .catch((e) => e);
    expect(err).toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(/DeepL refused the authentication key.*CUNKOU_TRANSLATE_KEY/),
    });
    expect(err.message).not.toContain('wrong-secret-key');
    expect(sim.requests).toHaveLength(1);
  });

  it('retries 429 honouring Retry-After, then succeeds', async () => {
    const { sim, provider, sleeps } = await setup({ throttleFirst: 2, retryAfterSeconds: 2 });
    expect(
      await provider.translate({ texts: ['薰衣草'], source: 'zh-CN', target: 'de', format: 'text' }),
    ).toEqual(['Lavendel']);
    expect(sim.requests).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('stops after bounded attempts when throttling persists', async () => {
    const { sim, provider } = await setup({ throttleFirst: 99 });
    await expect(
      provider.translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'en', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/DeepL is still throttling after 3 attempts/),
    });
    expect(sim.requests).toHaveLength(3);
  });

  it('says clearly when the DeepL quota is used up', async () => {
    const { provider } = await setup({ quotaChars: 6 });
    await provider.translate({ texts: ['香薰蜡烛'], source: 'zh-CN', target: 'en', format: 'text' });
    await expect(
      provider.translate({ texts: ['大豆蜡香薰蜡烛'], source: 'zh-CN', target: 'en', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(/DeepL quota is used up/),
    });
  });

  it('explains an unsupported language', async () => {
    const { provider } = await setup();
    await expect(
      provider.translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'cy', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(
        /DeepL cannot translate zh-CN \(sent as ZH\) to cy \(sent as CY\).*not supported/,
      ),
    });
  });
});
