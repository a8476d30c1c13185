/** A minimal static file server on 127.0.0.1 for the baseline pages; `extra` maps paths to in-memory bodies. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

export function serveStatic(root: string, extra: Record<string, string> = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (extra[p] !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] ?? 'text/plain', 'Cache-Control': 'no-store' });
      return res.end(extra[p]);
    }
    const file = path.resolve(root, `.${p.endsWith('/') ? `${p}index.html` : p}`);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
