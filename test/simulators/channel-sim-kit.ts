/**
 * A tiny HTTP server for channel API simulators: keeps the query string (signatures are in it),
 * parses JSON and form bodies, records every request.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface RunningChannelSim {
  url: string;
  requests: SimRequest[];
  close(): Promise<void>;
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startChannelSim(
  handle: (req: SimRequest, res: ServerResponse) => void,
): Promise<RunningChannelSim> {
  const requests: SimRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://sim');
      let body: unknown;
      if (raw && req.headers['content-type']?.includes('x-www-form-urlencoded'))
        body = Object.fromEntries(new URLSearchParams(raw));
      else if (raw)
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      const r: SimRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(r);
      try {
        handle(r, res);
      } catch (e) {
        send(res, 500, { error: String(e) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
