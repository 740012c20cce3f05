// A local stand-in for arXiv's export API on 127.0.0.1, serving the recorded answers in test/fixtures/arxiv.
// Each arXiv id below selects one behaviour; every request is recorded so tests can prove none was sent.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'arxiv');

export const ARXIV_IDS = {
  paper: '2401.01234',
  notFound: '2401.99999',
  notFoundEmptyEntry: '2401.99998',
  apiError: '2402.00400',
  rateLimited: '2402.00429',
  unavailable: '2402.00503',
  serverError: '2402.00500',
  notAtom: '2402.00200',
  slow: '2402.00777',
} as const;

/** How long the slow id takes to answer; tests set the client's limit below it. */
export const SLOW_MS = 4000;

export interface ArxivServer {
  /** The base URL to put in modelAtlas.arxiv.apiUrl. */
  apiUrl: string;
  /** The id_list of every request so far. */
  requests: string[];
  close(): Promise<void>;
}

export async function startArxivServer(): Promise<ArxivServer> {
  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const id = url.searchParams.get('id_list') ?? '';
    requests.push(id);
    const atom = (file: string) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
      res.end(fs.readFileSync(path.join(fixtures, file)));
    };
    if (url.pathname !== '/api/query') {
      res.writeHead(404).end();
      return;
    }
    switch (id) {
      case ARXIV_IDS.paper:
        return atom('2401.01234.xml');
      case ARXIV_IDS.notFound:
        return atom('not-found.xml');
      case ARXIV_IDS.notFoundEmptyEntry:
        return atom('not-found-empty-entry.xml');
      case ARXIV_IDS.apiError:
        return atom('error.xml');
      case ARXIV_IDS.rateLimited:
        res.writeHead(429, { 'retry-after': '30', 'content-type': 'text/plain' }).end('Rate exceeded.');
        return;
      case ARXIV_IDS.unavailable:
        res.writeHead(503, { 'retry-after': '5', 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
      case ARXIV_IDS.serverError:
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
        return;
      case ARXIV_IDS.notAtom:
        res.writeHead(200, { 'content-type': 'text/html' }).end(fs.readFileSync(path.join(fixtures, 'not-atom.html')));
        return;
      case ARXIV_IDS.slow: {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) {
            atom('2401.01234.xml');
          }
        }, SLOW_MS);
        timers.add(timer);
        return;
      }
      default:
        return atom('not-found.xml');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/query`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
export async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/query`;
}
