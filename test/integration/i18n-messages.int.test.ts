import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../src/domains/shops/index.ts';
import { type Client, createTestApp, productPayload, seedShop, type TestApp } from '../support/test-app.ts';
import { skipEngine } from '../support/test-db.ts';
import { type ApiError, upload } from './catalog-helpers.ts';

const skip = await skipEngine();

// The seller's own headers: messages must name these, not our field keys.
const sheet = [
  '款号,商品名称,货号,商品条码,成本价,重量(g),海关编码',
  'SPU-1,香薰蜡烛,ZH-1,6901234567892,12.50,300,3406.00',
  'SPU-2,大豆蜡烛,ZH-2,6901234567893,8,200,3406.00',
  'SPU-3,玫瑰蜡烛,ZH-3,,九块,250,3406.00',
].join('\r\n');
const mapping = {
  款号: 'handle',
  商品名称: 'title',
  货号: 'sku',
  商品条码: 'gtin',
  成本价: 'costPrice',
  '重量(g)': 'weightG',
  海关编码: 'hsCode',
};

type Preview = {
  totalRows: number;
  validRows: number;
  errors: { field: string; message: string; row: number }[];
};

describe.skipIf(skip)('server messages in the reader’s language', () => {
  let t: TestApp;
  let zh: Client;
  let en: Client;

  beforeAll(async () => {
    t = await createTestApp();
    ({ client: zh } = await seedShop(t, 'i18n-zh', 'owner', 'correct-horse-1', 'zh-CN'));
    ({ client: en } = await seedShop(t, 'i18n-en', 'owner', 'correct-horse-1', 'en'));
  });
  afterAll(async () => t?.close());

  const preview = async (client: Client, shop: string, headers: Record<string, string> = {}) => {
    const job = await upload(client, `/api/shops/${shop}/imports`, '商品.csv', sheet);
    expect(job.statusCode, job.body).toBe(201);
    const res = await client.request(
      'POST',
      `/api/shops/${shop}/imports/${job.json().id}/preview`,
      { columns: mapping },
      headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Preview;
  };

  it("a zh-CN seller's import preview explains row errors in Chinese, naming the seller's columns", async () => {
    const body = await preview(zh, 'i18n-zh', { 'accept-language': 'en' });
    expect(body.totalRows).toBe(3);
    expect(body.validRows).toBe(1);
    const gtin = body.errors.find((e) => e.row === 3)!;
    expect(gtin).toEqual({
      row: 3,
      field: '商品条码',
      message: '条码校验位应为 2，不是 3（填写的是 6901234567893）',
    });
    const cost = body.errors.find((e) => e.row === 4)!;
    expect(cost).toEqual({ row: 4, field: '成本价', message: '「九块」不是金额（请写成 12.50 这样的格式）' });
    for (const e of body.errors) expect(e.message).not.toMatch(/[a-z]{4,}/);
  });

  it('the same preview is in English for an English reader', async () => {
    const body = await preview(en, 'i18n-en');
    expect(body.errors.find((e) => e.row === 3)).toEqual({
      row: 3,
      field: '商品条码',
      message: 'GTIN "6901234567893": check digit should be 2, not 3',
    });
    expect(body.errors.find((e) => e.row === 4)?.message).toBe(
      '"九块" is not an amount (write it like 12.50)',
    );
  });

  it('without a session, Accept-Language chooses: zh gets Chinese, en and none get English', async () => {
    const wrong = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@i18n.test', password: 'wrong-password' },
        headers,
      });
    expect((await wrong({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).json().error.message).toBe(
      '邮箱或密码错误。',
    );
    expect((await wrong({ 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.8' })).json().error.message).toBe(
      'Wrong email or password.',
    );
    expect((await wrong({})).json().error.message).toBe('Wrong email or password.');
  });

  it('the login lockout message is in Chinese for a Chinese browser', async () => {
    const db = t.deps.database.db;
    const shop = await db
      .selectFrom('shops')
      .select('id')
      .where('slug', '=', 'i18n-zh')
      .executeTakeFirstOrThrow();
    const email = 'locked@i18n.test';
    await addMember(db, { shopId: shop.id, email, role: 'operator', password: 'member-password-1' });
    let last: ApiError | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong-password' },
        headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
        remoteAddress: `10.9.0.${i + 1}`,
      });
      last = res.json() as ApiError;
    }
    expect(last!.error.code).toBe('ACCOUNT_LOCKED');
    expect(last!.error.message).toBe(
      '密码错误次数太多，账号已被锁定。请 15 分钟后再试，或请店主为你重置密码。',
    );
    expect((last!.error as { messageKey?: string }).messageKey).toBe('auth.locked');
  });

  it('a validation error on POST products is in Chinese for a zh-CN session (over Accept-Language)', async () => {
    const res = await zh.request(
      'POST',
      '/api/shops/i18n-zh/products',
      productPayload('ZH-BAD', {
        variants: [{ sku: 'ZH-BAD', gtin: '6901234567893', hsCode: '99.99', originCountry: 'XX' }],
      }),
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as ApiError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^请修改以下内容：/);
    expect(error.issues).toEqual([
      { field: 'variants.0.gtin', message: '条码校验位应为 2，不是 3（填写的是 6901234567893）' },
      {
        field: 'variants.0.hsCode',
        message: 'HS 编码至少要 6 位数字（例如蜡烛是 3406.00），现在是 4 位（填写的是 99.99）',
      },
      { field: 'variants.0.originCountry', message: '「XX」不是 ISO 3166 国家代码（例如中国是 CN）' },
    ]);
  });

  it('schema (Zod) errors are in Chinese too, for our own texts and Zod defaults', async () => {
    const res = await zh.request('POST', '/api/shops/i18n-zh/products', {
      title: '',
      variants: [{ sku: 'Z-1', weightG: 'heavy' }],
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as ApiError;
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'title', message: '标题必填' },
        { field: 'variants.0.weightG', message: expect.stringMatching(/数字/) },
      ]),
    );
    const english = await en.request('POST', '/api/shops/i18n-en/products', { title: '', variants: [] });
    expect((english.json() as ApiError).error.issues).toEqual(
      expect.arrayContaining([{ field: 'title', message: 'title is required' }]),
    );
  });

  it('a guard error (not found) follows the session locale; a user switching to en gets English', async () => {
    const res = await zh.request('GET', '/api/shops/no-such-shop/products');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('找不到你能打开的店铺「no-such-shop」。');
    const me = await zh.request('PATCH', '/api/auth/me', { locale: 'en' });
    expect(me.statusCode).toBe(200);
    const after = await zh.request('GET', '/api/shops/no-such-shop/products');
    expect(after.json().error.message).toBe('No shop "no-such-shop" that you can open.');
    await zh.request('PATCH', '/api/auth/me', { locale: 'zh-CN' });
  });

  it('the errors file of a valid_rows import is written in the importing seller’s language', async () => {
    const job = await upload(zh, '/api/shops/i18n-zh/imports', '商品.csv', sheet);
    const res = await zh.request('POST', `/api/shops/i18n-zh/imports/${job.json().id}/commit`, {
      columns: mapping,
      mode: 'valid_rows',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { errorsUrl: string; errors: Preview['errors'] };
    expect(body.errors.find((e) => e.row === 3)?.message).toMatch(/^条码校验位/);
    const file = await zh.request('GET', `/api/shops/i18n-zh/${body.errorsUrl}`);
    expect(file.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push(String((row.values as unknown[]).at(-1))));
    expect(rows[1]).toBe('「商品条码」：条码校验位应为 2，不是 3（填写的是 6901234567893）');
    expect(rows[2]).toBe('「成本价」：「九块」不是金额（请写成 12.50 这样的格式）');
  });
});
