/**
 * Local simulator of the YunExpress (云途) OMS API, following its documented contract: REST
 * paths under /api, `Authorization: Basic base64("CustomerCode&ApiSecret")`, envelopes
 * `{Code: '0000' on success, Message, Item}` with Chinese messages, orders keyed by the customer
 * order number (a second order with the same number is refused), label print returning a URL,
 * delete refused after pickup, tracking details. Failure codes are the simulator's own.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fourPxLabelPdf } from './fourpx-sim-label.ts';

export interface YunSimOrder {
  customerOrderNumber: string;
  wayBillNumber: string;
  trackingNumber: string;
  body: Record<string, unknown>;
  status: 'created' | 'received' | 'deleted';
  details: { ProcessDate: string; ProcessContent: string; ProcessLocation: string }[];
}

export interface YunExpressSimulator {
  url: string;
  orders: Map<string, YunSimOrder>;
  calls: { path: string; authOk: boolean }[];
  dropNextCreateAnswer(): void;
  receive(customerOrderNumber: string): void;
  addDetail(customerOrderNumber: string, d: YunSimOrder['details'][number]): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify(body));
};
const ok = (res: ServerResponse, Item: unknown) =>
  send(res, 200, { Code: '0000', Message: '提交成功', Item });
const fail = (res: ServerResponse, Message: string) => send(res, 200, { Code: '1001', Message, Item: null });

// biome-ignore lint/suspicious/noExplicitAny: the simulator reads loosely shaped request JSON.
type Body = Record<string, any>;

function check(o: Body): string | null {
  const r = (o.Receiver ?? {}) as Body;
  if (!o.CustomerOrderNumber) return '客户订单号不能为空';
  if (!o.ShippingMethodCode) return '运输方式代码不能为空';
  if (r.CountryCode === 'US' && !/^\d{5}(-\d{4})?$/.test(String(r.Zip ?? '')))
    return `收件人邮编[${r.Zip}]格式不正确`;
  if (`${r.Street ?? ''} ${r.StreetAddress1 ?? ''}`.trim().length > 100)
    return '收件人地址长度不能超过100个字符';
  if (!(Number(o.Weight) > 0)) return '包裹重量必须大于0';
  if (Number(o.Weight) > 30) return `包裹重量${o.Weight}kg超过渠道限重30kg`;
  const parcels = (o.Parcels ?? []) as Body[];
  const value = parcels.reduce((s, p) => s + Number(p.UnitPrice) * Number(p.Quantity), 0);
  if (value > 2000) return `申报价值${value}超过渠道上限2000`;
  for (const p of parcels)
    if (p.HSCode && !/^\d{6,10}$/.test(String(p.HSCode))) return `海关编码[${p.HSCode}]不正确`;
  return null;
}

export async function startYunExpressSimulator(opts: {
  customerCode: string;
  apiSecret: string;
}): Promise<YunExpressSimulator> {
  const orders = new Map<string, YunSimOrder>();
  const calls: YunExpressSimulator['calls'] = [];
  const expectedAuth = `Basic ${Buffer.from(`${opts.customerCode}&${opts.apiSecret}`).toString('base64')}`;
  let dropCreate = false;
  let seq = 0;
  let url = '';
  const find = (no: string) =>
    orders.get(no) ?? [...orders.values()].find((o) => o.wayBillNumber === no || o.trackingNumber === no);
  const view = (o: YunSimOrder) => ({
    CustomerOrderNumber: o.customerOrderNumber,
    WayBillNumber: o.wayBillNumber,
    TrackingNumber: o.trackingNumber,
    Status: o.status,
  });

  async function api(method: string, path: string, q: URLSearchParams, b: unknown, res: ServerResponse) {
    switch (`${method} ${path}`) {
      case 'GET /api/Common/GetShippingMethods':
        return send(res, 200, {
          Code: '0000',
          Message: '提交成功',
          Items: [
            { Code: 'THPHR', CName: '云途全球专线挂号(标快带电)', EName: 'Global Line Registered (battery)' },
            { Code: 'THZXR', CName: '云途全球专线挂号(特惠普货)', EName: 'Global Line Registered (general)' },
            { Code: 'FZZXR', CName: '云途中欧专线挂号', EName: 'China-Europe Line Registered' },
          ],
        });
      case 'POST /api/WayBill/CreateOrder': {
        const o = ((b as Body[]) ?? [])[0] ?? {};
        const bad = check(o);
        const item = (Remark: string) => ({ CustomerOrderNumber: o.CustomerOrderNumber, Success: 0, Remark });
        if (bad) return send(res, 200, { Code: '1001', Message: '提交失败', Item: [item(bad)] });
        if (orders.has(String(o.CustomerOrderNumber)))
          return send(res, 200, { Code: '1001', Message: '提交失败', Item: [item('该客户订单号已存在')] });
        seq++;
        const us = o.Receiver?.CountryCode === 'US';
        const order: YunSimOrder = {
          customerOrderNumber: String(o.CustomerOrderNumber),
          wayBillNumber: `YT26${String(10_000_000_000_000 + seq)}`,
          trackingNumber: us
            ? `9261290${String(100_000_000_000_000 + seq)}`
            : `YT26${String(10_000_000_000_000 + seq)}`,
          body: o,
          status: 'created',
          details: [],
        };
        orders.set(order.customerOrderNumber, order);
        if (dropCreate) {
          dropCreate = false;
          res.socket?.destroy();
          return;
        }
        return ok(res, [{ ...view(order), Success: 1, TrackType: '1', Remark: '' }]);
      }
      case 'GET /api/WayBill/GetOrder': {
        const o = find(q.get('OrderNumber') ?? '');
        return o ? ok(res, view(o)) : fail(res, '订单不存在');
      }
      case 'POST /api/Label/Print': {
        const nos = (b as string[]) ?? [];
        const o = find(String(nos[0] ?? ''));
        if (!o || o.status === 'deleted') return fail(res, '订单不存在或已删除');
        return ok(res, [
          {
            Url: `${url}/label/${o.wayBillNumber}.pdf`,
            OrderInfos: [{ CustomerOrderNumber: o.customerOrderNumber, Error: '', Code: 100 }],
          },
        ]);
      }
      case 'POST /api/WayBill/Delete': {
        const o = find(String((b as Body)?.OrderNumber ?? ''));
        if (!o) return fail(res, '订单不存在');
        if (o.status === 'received') return fail(res, '订单已收货,不允许删除,请使用拦截');
        o.status = 'deleted';
        return ok(res, { OrderNumber: o.wayBillNumber });
      }
      case 'GET /api/Tracking/GetTrackAllInfo': {
        const o = find(q.get('OrderNumber') ?? '');
        if (!o) return fail(res, '未查询到轨迹信息');
        return ok(res, {
          WaybillNumber: o.wayBillNumber,
          TrackingNumber: o.trackingNumber,
          OrderTrackingDetails: o.details,
        });
      }
      default:
        return send(res, 404, { Code: '404', Message: '接口不存在' });
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://sim');
      const label = /^\/label\/(YT\d+)\.pdf$/.exec(u.pathname);
      if (label && req.method === 'GET') {
        const o = find(label[1]!);
        if (!o) return send(res, 404, {});
        const to = (o.body.Receiver ?? {}) as Body;
        void fourPxLabelPdf({
          brand: 'YUNEXPRESS SIMULATOR',
          trackingNo: o.trackingNumber,
          refNo: o.customerOrderNumber,
          product: String(o.body.ShippingMethodCode),
          country: String(to.CountryCode ?? ''),
          name: String(to.FirstName ?? ''),
        }).then((pdf) => {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end(pdf);
        });
        return;
      }
      const authOk = req.headers.authorization === expectedAuth;
      calls.push({ path: u.pathname, authOk });
      if (!authOk) return send(res, 401, { Code: '401', Message: '身份验证失败,请检查客户编号和密钥' });
      let b: unknown;
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        b = raw ? JSON.parse(raw) : undefined;
      } catch {
        return fail(res, '请求数据格式不正确');
      }
      api(req.method ?? 'GET', u.pathname, u.searchParams, b, res).catch((e) =>
        send(res, 500, { Message: String(e) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    orders,
    calls,
    dropNextCreateAnswer: () => {
      dropCreate = true;
    },
    receive: (n) => {
      const o = orders.get(n);
      if (o) o.status = 'received';
    },
    addDetail: (n, d) => orders.get(n)?.details.push(d),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
