/**
 * Local simulator of the 4PX open platform (FOP) gateway, following its documented contract:
 * POST /router/api/service?app_key&format&method&timestamp&v&sign with a JSON body, MD5 signature
 * over the sorted public parameters + raw body + app secret, envelopes
 * `{result:'1'|'0', msg, errors:[{errorCode, errorMsg}], data}`, Chinese error messages. Methods:
 * ds.xms.order.create / order.get / label.get / order.cancel, tr.order.tracking.get,
 * ds.xms.logistics_product.getlist. Error codes are the simulator's own (4PX does not publish
 * them per field); the texts follow 4PX's wording style.
 */
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fourPxLabelPdf } from './fourpx-sim-label.ts';

export interface FourPxSimOrder {
  refNo: string;
  dsNo: string;
  trackingNo: string;
  lastMileNo: string | null;
  lastMileName: string | null;
  product: string;
  body: Record<string, unknown>;
  status: 'created' | 'picked_up' | 'cancelled';
  events: {
    businessLinkCode: string;
    occurDatetime: string;
    trackingContent: string;
    occurLocation: string;
  }[];
}

export interface FourPxSimulator {
  url: string;
  gatewayUrl: string;
  orders: Map<string, FourPxSimOrder>;
  calls: { method: string; signOk: boolean }[];
  /** The next `n` gateway calls answer HTTP 429 (throttling). */
  throttle(n: number): void;
  /** The next order creation is processed, then the connection is cut before the answer. */
  dropNextCreateAnswer(): void;
  pickUp(refNo: string): void;
  /** Label URLs point to this origin instead of the simulator (SSRF tests). */
  labelOrigin: string | null;
  addEvent(refNo: string, e: FourPxSimOrder['events'][number]): void;
  close(): Promise<void>;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify(body));
};
const fail = (res: ServerResponse, code: string, message: string) =>
  send(res, 200, {
    result: '0',
    msg: '系统处理失败',
    errors: [{ errorCode: code, errorMsg: message }],
    data: null,
  });
const ok = (res: ServerResponse, data: unknown) =>
  send(res, 200, { result: '1', msg: '系统处理成功', errors: [], data });

// biome-ignore lint/suspicious/noExplicitAny: the simulator reads loosely shaped request JSON.
type Body = Record<string, any>;

/** The create-order checks the simulator enforces (limits of the simulated product). */
function validateOrder(b: Body): [string, string] | null {
  const r = (b.recipient_info ?? {}) as Body;
  const p = ((b.parcel_list ?? [])[0] ?? {}) as Body;
  if (!b.ref_no) return ['DS000001', '客户单号不能为空'];
  if (!b.logistics_service_info?.logistics_product_code) return ['DS000002', '物流产品代码不能为空'];
  if (r.country === 'US' && !/^\d{5}(-\d{4})?$/.test(String(r.post_code ?? '')))
    return ['DS000101', `收件人邮编格式错误: ${r.post_code}`];
  if (String(r.street ?? '').length > 120) return ['DS000102', '收件人地址长度超过120个字符'];
  if (!(Number(p.weight) > 0)) return ['DS000103', '包裹重量必须大于0'];
  if (Number(p.weight) > 30_000) return ['DS000104', `包裹重量${p.weight}g超过产品限重30000g`];
  if (Number(p.parcel_value) > 2_000) return ['DS000105', `申报价值${p.parcel_value}超过上限2000`];
  for (const d of (p.declare_product_info ?? []) as Body[])
    if (d.hscode_export && !/^\d{6,10}$/.test(String(d.hscode_export)))
      return ['DS000106', `海关编码${d.hscode_export}不正确`];
  return null;
}

export async function startFourPxSimulator(opts: {
  appKey: string;
  appSecret: string;
}): Promise<FourPxSimulator> {
  const orders = new Map<string, FourPxSimOrder>();
  const calls: FourPxSimulator['calls'] = [];
  let throttleLeft = 0;
  let dropCreate = false;
  let seq = 0;
  let url = '';
  // Assigned once the server listens; request handlers read it later.
  let sim: FourPxSimulator;

  const find = (no: string) =>
    orders.get(no) ??
    [...orders.values()].find((o) => o.dsNo === no || o.trackingNo === no || o.lastMileNo === no);
  const view = (o: FourPxSimOrder) => ({
    ref_no: o.refNo,
    ds_consignment_no: o.dsNo,
    '4px_tracking_no': o.trackingNo,
    logistics_channel_no: o.lastMileNo,
    logistics_channel_name: o.lastMileName,
    consignment_status: o.status === 'cancelled' ? 'X' : o.status === 'picked_up' ? 'S' : 'P',
  });

  async function gateway(q: URLSearchParams, raw: string, res: ServerResponse) {
    const method = q.get('method') ?? '';
    const pub = ['app_key', 'format', 'method', 'timestamp', 'v'].sort();
    const expected = md5(`${pub.map((k) => `${k}${q.get(k) ?? ''}`).join('')}${raw}${opts.appSecret}`);
    const signOk = q.get('app_key') === opts.appKey && q.get('sign') === expected;
    calls.push({ method, signOk });
    if (throttleLeft > 0) {
      throttleLeft--;
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
      return res.end(JSON.stringify({ result: '0', msg: '请求过于频繁' }));
    }
    if (q.get('app_key') !== opts.appKey) return fail(res, 'S000001', 'app_key不存在');
    if (!signOk) return fail(res, 'S000002', '签名验证失败(sign error)');
    let b: Body;
    try {
      b = JSON.parse(raw || '{}') as Body;
    } catch {
      return fail(res, 'S000003', '业务参数不是合法的JSON');
    }
    switch (method) {
      case 'ds.xms.logistics_product.getlist':
        return ok(res, [
          {
            logistics_product_code: 'PX',
            logistics_product_name_cn: '联邮通优先挂号',
            logistics_product_name_en: 'Priority',
          },
          {
            logistics_product_code: 'A1',
            logistics_product_name_cn: '4PX专线',
            logistics_product_name_en: 'Line',
          },
        ]);
      case 'ds.xms.order.create': {
        const bad = validateOrder(b);
        if (bad) return fail(res, bad[0], bad[1]);
        if (orders.has(String(b.ref_no)))
          return fail(res, 'DS000200', `客户单号${b.ref_no}已存在,请勿重复下单`);
        seq++;
        const country = String(b.recipient_info?.country ?? '');
        const o: FourPxSimOrder = {
          refNo: String(b.ref_no),
          dsNo: `DS${String(1_000_000 + seq)}`,
          trackingNo: `4PX30000${String(100_000 + seq)}CN`,
          lastMileNo: country === 'US' ? `92001902${String(10_000_000_000 + seq)}` : null,
          lastMileName: country === 'US' ? 'USPS' : null,
          product: String(b.logistics_service_info.logistics_product_code),
          body: b,
          status: 'created',
          events: [],
        };
        orders.set(o.refNo, o);
        if (dropCreate) {
          dropCreate = false;
          res.socket?.destroy();
          return;
        }
        return ok(res, view(o));
      }
      case 'ds.xms.order.get': {
        const o = find(String(b.request_no ?? ''));
        return ok(res, o ? [view(o)] : []);
      }
      case 'ds.xms.label.get': {
        const o = find(String(b.request_no ?? ''));
        if (!o) return fail(res, 'DS000300', `单号${b.request_no}不存在`);
        if (o.status === 'cancelled') return fail(res, 'DS000301', '订单已取消,不能打印标签');
        return ok(res, {
          label_url_info: { logistics_label: `${sim.labelOrigin ?? url}/label/${o.dsNo}.pdf` },
        });
      }
      case 'ds.xms.order.cancel': {
        const o = find(String(b.request_no ?? ''));
        if (!o) return fail(res, 'DS000300', `单号${b.request_no}不存在`);
        if (o.status === 'picked_up') return fail(res, 'DS000401', '订单已揽收,不能取消');
        o.status = 'cancelled';
        return ok(res, { request_no: b.request_no });
      }
      case 'tr.order.tracking.get': {
        const o = find(String(b.deliveryOrderNo ?? ''));
        if (!o) return fail(res, 'TR000001', '未查询到轨迹信息');
        return ok(res, { deliveryOrderNo: o.trackingNo, trackingList: o.events });
      }
      default:
        res.writeHead(500, { 'content-type': 'text/plain' });
        return res.end('ApiException: API接口不存在');
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://sim');
      const raw = Buffer.concat(chunks).toString('utf8');
      const label = /^\/label\/(DS\d+)\.pdf$/.exec(u.pathname);
      const work =
        req.method === 'POST' && u.pathname === '/router/api/service'
          ? gateway(u.searchParams, raw, res)
          : label && req.method === 'GET'
            ? (async () => {
                const o = find(label[1]!);
                if (!o) return send(res, 404, { msg: 'not found' });
                const to = (o.body.recipient_info ?? {}) as Record<string, unknown>;
                const pdf = await fourPxLabelPdf({
                  trackingNo: o.lastMileNo ?? o.trackingNo,
                  refNo: o.refNo,
                  product: o.product,
                  country: String(to.country ?? ''),
                  name: String(to.first_name ?? ''),
                });
                res.writeHead(200, { 'content-type': 'application/pdf' });
                res.end(pdf);
              })()
            : Promise.resolve(send(res, 404, { msg: 'not found' }));
      work.catch((e) => send(res, 500, { msg: String(e) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sim = {
    labelOrigin: null,
    url,
    gatewayUrl: `${url}/router/api/service`,
    orders,
    calls,
    throttle: (n) => {
      throttleLeft = n;
    },
    dropNextCreateAnswer: () => {
      dropCreate = true;
    },
    pickUp: (refNo) => {
      const o = orders.get(refNo);
      if (o) o.status = 'picked_up';
    },
    addEvent: (refNo, e) => orders.get(refNo)?.events.push(e),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
  return sim;
}
