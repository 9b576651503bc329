/**
 * The header row of a CSV/TSV file, read in the browser so the seller picks columns instead of
 * typing them. Chinese ERPs and Excel often save CSV as GBK, so bytes that are not UTF-8 are read
 * as GB18030. An .xlsx cannot be read here: its headers are typed.
 */
export async function readHeaders(file: Blob & { name: string }): Promise<string[]> {
  if (/\.xlsx?$/i.test(file.name)) return [];
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  const text = decode(bytes);
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').trim();
  if (!first) return [];
  const count = (c: string) => splitRow(first, c).length;
  const sep = first.includes('\t') ? '\t' : count(';') > count(',') ? ';' : ',';
  return splitRow(first, sep)
    .map((h) => h.trim())
    .filter(Boolean);
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A cut in the middle of a multi-byte character at the 64 KB edge is not worth a GBK guess,
    // but the header row is far shorter than that, so a failure here means another encoding.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** One CSV row split on `sep`, honouring double quotes ("a,b" and "say ""hi""" stay whole). */
function splitRow(line: string, sep: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}
