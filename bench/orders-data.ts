/** A realistic Amazon All Orders flat file of N lines, streamed to disk (never in memory). */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { amazonAllOrdersHeaders } from '../test/fixtures/orders/files.ts';

export const benchSkus = (n = 500) =>
  Array.from({ length: n }, (_, i) => `BENCH-${String(i + 1).padStart(4, '0')}`);

export async function writeAmazonFile(path: string, lines: number, seed = 7): Promise<{ orders: number }> {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${amazonAllOrdersHeaders.join('\t')}\n`);
  const skus = benchSkus();
  const statuses = ['Shipped', 'Shipped', 'Shipped', 'Shipped', 'Unshipped', 'Pending', 'Cancelled'];
  const cities = [
    ['SEATTLE', 'WA', '98109', 'US'],
    ['AUSTIN', 'TX', '73301', 'US'],
    ['TORONTO', 'ON', 'M5V 2T6', 'CA'],
    ['MIAMI', 'FL', '33101', 'US'],
    ['CIUDAD DE MEXICO', 'CDMX', '06600', 'MX'],
  ];
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = 700 * 86_400_000;
  let written = 0;
  let orders = 0;
  let buf = '';
  while (written < lines) {
    orders++;
    const id = `${String(100 + (orders % 900)).padStart(3, '0')}-${String(orders).padStart(7, '0')}-${String(Math.floor(rnd() * 9_999_999)).padStart(7, '0')}`;
    const n = Math.min(lines - written, rnd() < 0.7 ? 1 : rnd() < 0.7 ? 2 : 3);
    const at = start + Math.floor((orders / (lines / 1.4)) * span);
    const purchase = new Date(at).toISOString().replace('.000Z', '+00:00');
    const updated = new Date(at + 86_400_000).toISOString().replace('.000Z', '+00:00');
    const status = statuses[Math.floor(rnd() * statuses.length)]!;
    const fba = rnd() < 0.7 ? 'Amazon' : 'Merchant';
    const [city, state, zip, country] = cities[Math.floor(rnd() * cities.length)]!;
    for (let k = 0; k < n; k++) {
      const sku = skus[Math.floor(rnd() * skus.length)]!;
      const qty = 1 + Math.floor(rnd() * 3);
      const price = (qty * (5 + Math.floor(rnd() * 4000) / 100)).toFixed(2);
      buf += `${[id, '', purchase, updated, status, fba, 'Amazon.com', '', '', 'Standard', `Bench product ${sku}`, sku, 'B0BENCH000', status, qty, 'USD', price, '0.80', '3.99', '0.00', '', '', '0.00', '0.00', city, state, zip, country, '', 'false', '', ''].join('\t')}\n`;
      written++;
    }
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
  return { orders };
}
