// The load balancer of the cluster bench: round robin over the API instances that answer /readyz (checked every
// 250 ms, as a load balancer's health check would; three 2-s timeouts in a row also take an instance out), keep-alive
// connections to each, and the visitor's address appended to X-Forwarded-For (the instances run with
// TRUST_PROXY=true). A connection refused takes the instance out at once and the request goes to the next one
// (nothing reached the dead one). A GET whose connection breaks is tried once more elsewhere, as nginx's
// proxy_next_upstream does; a POST is not (it may have been applied), so the visitor gets 502.
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Backend {
  name: string;
  port: number;
  /** In the rotation: answered /readyz at the last check. */
  up: boolean;
}

export interface ProxyFailure {
  /** Milliseconds since the bench started: when it failed, and when the proxy sent it on to the instance. */
  at: number;
  sentAt: number;
  backend: string;
  method: string;
  error: string;
}

export interface Proxy {
  url: string;
  backends: Backend[];
  /** Requests the proxy answered 502 itself, and why. */
  failures: ProxyFailure[];
  /** GETs whose connection broke and that another instance answered. */
  retried: number;
  close(): Promise<void>;
}

/** The header the bench's visitors name their (made-up) address in; the proxy turns it into X-Forwarded-For. */
export const VISITOR_HEADER = 'x-bench-visitor';

export async function startProxy(backends: Backend[], startedAt: number): Promise<Proxy> {
  // Idle connections close after 3 s, before the instances' own 5 s keep-alive timeout: otherwise a request can go out
  // on a connection the instance is closing at that moment, and fail though the instance is fine.
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 3000 });
  const failures: ProxyFailure[] = [];
  let retried = 0;
  let next = 0;

  // When no instance passes its check (all busy), try them anyway, as nginx does when every upstream is marked down.
  const pick = (except?: Backend): Backend | undefined => {
    const candidates = backends.filter((b) => b !== except);
    const ready = candidates.filter((b) => b.up);
    const pool = ready.length ? ready : candidates;
    return pool.length ? pool[next++ % pool.length] : undefined;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, pick(), 0));
  });

  function forward(
    req: IncomingMessage,
    body: Buffer,
    res: import('node:http').ServerResponse,
    backend: Backend | undefined,
    attempt: number,
  ): void {
    if (!backend) {
      res.writeHead(503).end();
      const at = Date.now() - startedAt;
      failures.push({ at, sentAt: at, backend: 'none', method: req.method ?? '', error: 'no instance answers' });
      return;
    }
    const { [VISITOR_HEADER]: visitor, ...headers } = req.headers;
    headers['x-forwarded-for'] = typeof visitor === 'string' ? visitor : '127.0.0.1';
    headers['content-length'] = String(body.length);
    const sentAt = Date.now() - startedAt;
    const upstream = request(
      { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const refused = error.code === 'ECONNREFUSED';
      if (refused) backend.up = false;
      if ((refused || (req.method === 'GET' && attempt === 0)) && attempt < backends.length) {
        if (!refused) retried++;
        forward(req, body, res, pick(backend), attempt + 1);
        return;
      }
      failures.push({
        at: Date.now() - startedAt,
        sentAt,
        backend: backend.name,
        method: req.method ?? '',
        error: error.code ?? error.message,
      });
      res.writeHead(502).end();
    });
    upstream.end(body);
  }

  // Out at a refused connection or a 503, or after three checks in a row slower than 2 s (busy is not dead).
  const slow = new Map<Backend, number>();
  const probing = new Set<Backend>();
  const check = setInterval(() => {
    for (const backend of backends) {
      if (probing.has(backend)) continue;
      probing.add(backend);
      const probe = request({ host: '127.0.0.1', port: backend.port, path: '/readyz', timeout: 2000 }, (answer) => {
        backend.up = answer.statusCode === 200;
        slow.set(backend, 0);
        answer.resume();
      });
      probe.on('timeout', () => {
        const misses = (slow.get(backend) ?? 0) + 1;
        slow.set(backend, misses);
        if (misses >= 3) backend.up = false;
        probe.destroy(new Error('slow'));
      });
      probe.on('error', (error) => {
        if (error.message !== 'slow') backend.up = false;
      });
      probe.on('close', () => probing.delete(backend));
      probe.end();
    }
  }, 250);

  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    backends,
    failures,
    get retried() {
      return retried;
    },
    async close() {
      clearInterval(check);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}
