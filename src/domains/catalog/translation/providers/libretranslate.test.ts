import { afterEach, describe, expect, it } from 'vitest';
import { startLibreTranslateSimulator } from '../../../../../test/simulators/libretranslate.ts';
import {
  createLibreTranslateProvider,
  type LibreTranslateOptions,
  toLibreTranslateCode,
} from './libretranslate.ts';

type Sim = Awaited<ReturnType<typeof startLibreTranslateSimulator>>;
const sims: Sim[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function setup(
  simOpts: Parameters<typeof startLibreTranslateSimulator>[0] = {},
  opts: Partial<LibreTranslateOptions> = {},
) {
  const sim = await startLibreTranslateSimulator(simOpts);
  sims.push(sim);
  const sleeps: number[] = [];
  const provider = createLibreTranslateProvider({
    url: `${sim.url}/`,
    ...opts,
    retry: { maxAttempts: 3, sleep: async (ms) => void sleeps.push(ms), ...opts.retry },
  });
  return { sim, provider, sleeps };
}

const lastBody = (sim: Sim) => sim.requests.at(-1)?.body as Record<string, unknown>;

describe('toLibreTranslateCode', () => {
  it.each([
    ['zh-CN', {}, 'zh'],
    ['zh-Hans', { chineseCode: 'zh-Hans' }, 'zh-Hans'],
    ['zh-TW', {}, 'zt'],
    ['en-US', {}, 'en'],
    ['pt-BR', {}, 'pt'],
    ['pt-BR', { languageCodes: { 'pt-br': 'pb' } }, 'pb'],
    ['ja', {}, 'ja'],
  ] as const)('%s %o → %s', (tag, opts, code) => {
    expect(toLibreTranslateCode(tag, opts)).toBe(code);
  });
});

describe('LibreTranslate adapter against the simulator', () => {
  it('translates a batch, mapping zh-CN to zh and keeping blank texts in place', async () => {
    const { sim, provider } = await setup();
    const out = await provider.translate({
      texts: ['香薰蜡烛', ' ', '大豆蜡，薰衣草'],
      source: 'zh-CN',
      target: 'de',
      format: 'text',
    });
    expect(out).toEqual(['Duftkerze', ' ', 'Sojawachs, Lavendel']);
    expect(sim.requests).toHaveLength(1);
    expect(lastBody(sim)).toEqual({
      q: ['香薰蜡烛', '大豆蜡，薰衣草'],
      source: 'zh',
      target: 'de',
      format: 'text',
    });
  });

  it('splits more texts than the server batch limit into several requests, order kept', async () => {
    const { sim, provider } = await setup({ batchLimit: 25 });
    const texts = Array.from({ length: 60 }, (_, i) => `蜡烛 ${i}`);
    const out = await provider.translate({ texts, source: 'zh-CN', target: 'en', format: 'text' });
    expect(out).toEqual(texts.map((_, i) => `candle ${i}`));
    expect(sim.requests.map((r) => (r.body as { q: string[] }).q.length)).toEqual([25, 25, 10]);
  });

  it('html keeps tags and attributes', async () => {
    const { provider } = await setup();
    const [out] = await provider.translate({
      texts: ['<p class="lead">手工<b>香薰蜡烛</b><code>SKU-香薰</code></p>'],
      source: 'zh-CN',
      target: 'es',
      format: 'html',
    });
    expect(out).toBe('<p class="lead">hecho a mano<b>vela aromática</b><code>SKU-香薰</code></p>');
  });

  it('keeps do-not-translate terms and applies forced translations (text and html)', async () => {
    const { sim, provider } = await setup();
    const glossary = [
      { term: '暖光', doNotTranslate: true },
      { term: 'Lumière Candle Co.', doNotTranslate: true },
      { term: '香薰', translation: 'Duft', doNotTranslate: false },
    ];
    const out = await provider.translate({
      texts: ['暖光 Lumière Candle Co. 玫瑰香薰'],
      source: 'zh-CN',
      target: 'de',
      format: 'text',
      glossary,
    });
    expect(out).toEqual(['暖光 Lumière Candle Co. Rose Duft']);
    // The brand never reaches the MT engine as translatable text.
    expect(JSON.stringify(lastBody(sim).q)).not.toContain('暖光');
    const [html] = await provider.translate({
      texts: ['<p>暖光 <b>大豆蜡</b></p>'],
      source: 'zh-CN',
      target: 'de',
      format: 'html',
      glossary,
    });
    expect(html).toBe('<p>暖光 <b>Sojawachs</b></p>');
    expect((lastBody(sim).q as string[])[0]).toContain('<span translate="no"');
  });

  it('sends the api key in the body and explains a wrong one without echoing it', async () => {
    const ok = await setup({ apiKey: 'right-key' }, { apiKey: 'right-key' });
    await ok.provider.translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'en', format: 'text' });
    expect(lastBody(ok.sim).api_key).toBe('right-key');

    const bad = await setup({ apiKey: 'right-key' }, { apiKey: 'wrong-secret' });
    const err = await bad.provider
      .translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'en', format: 'text' })
      .catch((e) => e);
    expect(err).toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(/API key.*CUNKOU_TRANSLATE_KEY/),
    });
    expect(err.message).not.toContain('wrong-secret');
    expect(bad.sim.requests).toHaveLength(1); // auth errors are not retried
  });

  it('retries after 429 and then succeeds', async () => {
    const { sim, provider, sleeps } = await setup({ failNext: { status: 429, times: 2 } });
    const out = await provider.translate({
      texts: ['薰衣草'],
      source: 'zh-CN',
      target: 'en',
      format: 'text',
    });
    expect(out).toEqual(['lavender']);
    expect(sim.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after bounded attempts on persistent 500', async () => {
    const { sim, provider } = await setup({ failNext: { status: 500, times: 10 } });
    await expect(
      provider.translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'en', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(/HTTP 500.*3 attempts/),
    });
    expect(sim.requests).toHaveLength(3);
  });

  it('explains an unsupported language', async () => {
    const { provider } = await setup();
    await expect(
      provider.translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'cy', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(/to cy \(sent as "cy"\): cy is not supported/),
    });
  });

  it('lists the server languages', async () => {
    const { provider } = await setup();
    const languages = await provider.languages();
    expect(languages.find((l) => l.code === 'zh')?.targets).toContain('de');
  });

  it('explains an unreachable server', async () => {
    const { sim } = await setup();
    await sim.close();
    sims.splice(0);
    const provider = createLibreTranslateProvider({ url: sim.url, retry: { maxAttempts: 1 } });
    await expect(
      provider.translate({ texts: ['蜡烛'], source: 'zh-CN', target: 'en', format: 'text' }),
    ).rejects.toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringMatching(/could not be reached.*CUNKOU_TRANSLATE_URL/),
    });
  });
});
