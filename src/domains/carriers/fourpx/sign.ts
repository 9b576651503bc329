/**
 * 4PX open platform (FOP) request signing. The public parameters travel in the query string; the
 * business parameters are the JSON body. sign = lower-case hex MD5 of the public parameters
 * app_key, format, method, timestamp, v sorted by name and concatenated as name+value (no `=` or
 * `&`), then the body exactly as sent, then the app secret. access_token and language are not
 * signed. (Documented by 4PX and matched by every public client we checked; see the decision note.)
 */
import { createHash } from 'node:crypto';

export interface FourPxPublicParams {
  app_key: string;
  format: 'json';
  method: string;
  timestamp: string;
  v: string;
}

export function fourPxSign(params: FourPxPublicParams, body: string, appSecret: string): string {
  const signed = Object.keys(params)
    .sort()
    .map((k) => `${k}${params[k as keyof FourPxPublicParams]}`)
    .join('');
  return createHash('md5').update(`${signed}${body}${appSecret}`, 'utf8').digest('hex');
}
