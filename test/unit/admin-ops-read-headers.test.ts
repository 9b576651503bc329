import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readHeaders } from '../../web/src/components/orders/import/readHeaders.ts';
import { amazonAllOrdersHeaders, tsv } from '../fixtures/orders/files.ts';

const file = (content: string | Uint8Array, name: string) =>
  new File([typeof content === 'string' ? content : Buffer.from(content)], name);

describe('reading a file header row in the order import wizard', () => {
  it('reads an Amazon flat file (tab-separated)', async () => {
    const headers = await readHeaders(file(tsv(amazonAllOrdersHeaders, []), 'All Orders.txt'));
    expect(headers).toEqual([...amazonAllOrdersHeaders]);
  });

  it('reads CSV with quotes, a BOM and CRLF', async () => {
    const csv = '\uFEFF"Order No","Ship to, city","Say ""hi""",Qty\r\n1,2,3,4\r\n';
    expect(await readHeaders(file(csv, 'orders.csv'))).toEqual([
      'Order No',
      'Ship to, city',
      'Say "hi"',
      'Qty',
    ]);
  });

  it('takes semicolons when a European Excel used them', async () => {
    expect(await readHeaders(file('Pedido;Data;SKU;Qtd\n', 'pedidos.csv'))).toEqual([
      'Pedido',
      'Data',
      'SKU',
      'Qtd',
    ]);
  });

  it('reads GBK headers from a Chinese ERP export', async () => {
    const gbk = iconv.encode('订单号,下单时间,商品编码,数量\n1,2,3,4\n', 'gbk');
    expect(await readHeaders(file(new Uint8Array(gbk), '订单.csv'))).toEqual([
      '订单号',
      '下单时间',
      '商品编码',
      '数量',
    ]);
  });

  it('does not guess at xlsx or empty files', async () => {
    expect(await readHeaders(file('PK\u0003\u0004', 'orders.xlsx'))).toEqual([]);
    expect(await readHeaders(file('', 'empty.csv'))).toEqual([]);
  });
});
