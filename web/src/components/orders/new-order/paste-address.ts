/**
 * Splits an address block pasted from a chat ("Name: Maria Santos / Contact: 0917 123 4567 /
 * 12 Rizal St, Quezon City 1100") into form fields. Best effort: labelled lines win, then the
 * shape of the text (a phone, an e-mail, a postcode); the seller checks the result before saving.
 */
export interface PastedAddress {
  name?: string;
  phone?: string;
  email?: string;
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postcode?: string;
  country?: string;
}

const LABELS: [keyof PastedAddress, RegExp][] = [
  ['name', /^(full\s*name|name|buyer|customer|receiver|recipient|收件人|收货人|姓名|名字)$/i],
  ['phone', /^(phone|mobile|tel|telephone|contact(\s*no\.?|\s*number)?|cp|whatsapp|电话|手机|联系电话)$/i],
  ['email', /^(e-?mail|邮箱)$/i],
  ['line1', /^(address|addr|street|address\s*1|地址|详细地址)$/i],
  ['line2', /^(address\s*2|barangay|brgy|unit|apt|landmark)$/i],
  ['city', /^(city|town|municipality|城市|市)$/i],
  ['state', /^(state|province|region|county|省|省份)$/i],
  ['postcode', /^(zip|zip\s*code|postcode|postal\s*code|邮编)$/i],
  ['country', /^(country|国家)$/i],
];

const PHONE = /^\+?[\d\s().-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function splitPastedAddress(
  text: string,
  countries: { value: string; label: string }[],
): PastedAddress {
  const out: PastedAddress = {};
  const rest: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^[\s*•\-–]+/, '').trim();
    if (!line) continue;
    const labelled = /^([^:：]{1,30})[:：]\s*(.*)$/.exec(line);
    const field = labelled ? LABELS.find(([, re]) => re.test(labelled[1]!.trim()))?.[0] : undefined;
    if (field && labelled?.[2]) out[field] ??= labelled[2].trim();
    else if (PHONE.test(line) && !out.phone) out.phone = line;
    else if (EMAIL.test(line) && !out.email) out.email = line;
    else rest.push(line);
  }
  const addr: string[] = out.line1 ? [out.line1] : [];
  for (const line of rest) {
    if (!out.name && !/\d/.test(line) && !line.includes(',')) out.name = line;
    else addr.push(line);
  }
  if (out.country) out.country = countryCode(out.country, countries);
  // The last address line usually ends in the locality: "45 Mabini St, Makati 1200, Philippines".
  const last = addr.at(-1);
  if (last && !out.city) {
    const parts = last.split(/\s*,\s*/);
    if (parts.length > 1 || addr.length > 1) {
      let tail = parts.pop() ?? '';
      const code = countryCode(tail, countries);
      if (code && parts.length > 0) {
        out.country ??= code;
        tail = parts.pop() ?? '';
      }
      const post = /^(.*?)\s*\b(\d{4,6})$/.exec(tail);
      if (post) {
        out.postcode ??= post[2];
        tail = post[1] ?? '';
      }
      if (tail) out.city = tail;
      if (parts.length) addr[addr.length - 1] = parts.join(', ');
      else addr.pop();
    }
  }
  out.line1 = addr[0];
  const line2 = [out.line2, ...addr.slice(1)].filter(Boolean).join(', ');
  out.line2 = line2 || undefined;
  for (const key of Object.keys(out) as (keyof PastedAddress)[]) if (out[key] === undefined) delete out[key];
  return out;
}

function countryCode(text: string, countries: { value: string; label: string }[]): string | undefined {
  const t = text.trim().toLowerCase();
  if (/^[a-z]{2}$/i.test(t)) {
    const code = t.toUpperCase();
    return countries.some((c) => c.value === code) ? code : undefined;
  }
  return countries.find((c) => c.label.toLowerCase().startsWith(`${t} (`))?.value;
}
