// Add Paper from arXiv, without the editor: reading ids and URLs, the Atom feed (recorded answers in
// test/fixtures/arxiv), the imported entry, and the request against a local server on 127.0.0.1.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { requestArxiv } from '../../src/features/userAtlas/arxivRequest';
import { readArxivFeed, type ArxivPaper } from '../../src/core/arxiv/arxivFeed';
import { arxivQueryUrl, parseArxivInput } from '../../src/core/arxiv/arxivId';
import { findAtlasProblems } from '../../src/core/atlas/atlasChecks';
import { importedEntry, nameFromTitle } from '../../src/core/userAtlas/newEntries';
import { ARXIV_IDS, closedPortUrl, SLOW_MS, startArxivServer, type ArxivServer } from '../support/arxivServer';
import { realModels, repoRoot } from '../support/realAtlas';

const fixture = (name: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'arxiv', name), 'utf8');

describe('arXiv ids', () => {
  it('reads ids, versions, prefixes and URLs', () => {
    assert.strictEqual(parseArxivInput('2301.12597'), '2301.12597');
    assert.strictEqual(parseArxivInput(' arXiv:2301.12597v3 '), '2301.12597');
    assert.strictEqual(parseArxivInput('https://arxiv.org/abs/2401.01234v2'), '2401.01234');
    assert.strictEqual(parseArxivInput('https://arxiv.org/pdf/2401.01234.pdf'), '2401.01234');
    assert.strictEqual(parseArxivInput('http://export.arxiv.org/abs/1908.02265?context=cs'), '1908.02265');
  });

  it('refuses what is not a new-style id', () => {
    for (const text of ['', 'blip-2', '2301.125', '2313.12597', 'hep-th/9901001', 'https://example.org/abs/2301.12597']) {
      assert.strictEqual(parseArxivInput(text), undefined, text);
    }
  });

  it('builds the query URL under a configurable base', () => {
    assert.strictEqual(arxivQueryUrl('https://export.arxiv.org/api/query', '2401.01234'), 'https://export.arxiv.org/api/query?id_list=2401.01234&max_results=1');
  });
});

describe('arXiv Atom feed', () => {
  it('reads the paper: title, authors, v1 date, abstract, category, affiliations', () => {
    const result = readArxivFeed(fixture('2401.01234.xml'), '2401.01234');
    assert.strictEqual(result.kind, 'paper');
    const paper = (result as { paper: ArxivPaper }).paper;
    assert.strictEqual(paper.title, 'Lumen-VL: Grounded Visual Instruction Tuning with Region-Aware Connectors');
    assert.deepStrictEqual(paper.authors, ['Mei Zhang', 'Jörg Müller', 'Ana Lima']);
    assert.deepStrictEqual(paper.affiliations, ['Example University']);
    assert.strictEqual(paper.published, '2024-01-03');
    assert.strictEqual(paper.primaryCategory, 'cs.CV');
    assert.match(paper.abstract, /^We present Lumen-VL, .* image regions & describes them with boxes\. Code and weights are released\.$/);
  });

  it('tells an unknown id, an API error and a non-Atom answer apart', () => {
    assert.deepStrictEqual(readArxivFeed(fixture('not-found.xml'), '2401.99999'), { kind: 'not-found' });
    assert.deepStrictEqual(readArxivFeed(fixture('not-found-empty-entry.xml'), '2401.99998'), { kind: 'not-found' });
    assert.deepStrictEqual(readArxivFeed(fixture('error.xml'), '2413.00001'), { kind: 'api-error', message: 'incorrect id format for 2413.00001' });
    assert.strictEqual(readArxivFeed(fixture('not-atom.html'), '2401.01234').kind, 'malformed');
    assert.deepStrictEqual(readArxivFeed(fixture('2401.01234.xml'), '2401.05555'), { kind: 'not-found' });
  });

  it('composes a valid imported entry whose BibTeX key matches', () => {
    const paper = (readArxivFeed(fixture('2401.01234.xml'), '2401.01234') as { paper: ArxivPaper }).paper;
    assert.strictEqual(nameFromTitle(paper.title), 'Lumen-VL');
    const taken = { ids: new Set(realModels().map((m) => m.id)), keys: new Set(realModels().map((m) => m.bibtex.key.toLowerCase())) };
    const entry = importedEntry(paper, 'Lumen-VL', taken);
    assert.strictEqual(entry.id, 'lumen-vl');
    assert.strictEqual(entry.bibtex.key, 'zhang2024lumen');
    assert.match(entry.bibtex.entry, /^@misc\{zhang2024lumen,\n/);
    assert.match(entry.bibtex.entry, /primaryClass\s*= \{cs\.CV\}/);
    assert.match(entry.bibtex.entry, /author\s*= \{Mei Zhang and Jörg Müller and Ana Lima\}/);
    assert.strictEqual(entry.imported?.from, 'arxiv');
    assert.strictEqual(entry.summary.en, 'We present Lumen-VL, a vision-language model that connects a frozen image encoder to a large language model through region-aware connectors.');
    assert.deepStrictEqual(findAtlasProblems([...realModels(), entry]).map((p) => p.message), []);
  });
});

describe('arXiv request (local server)', function () {
  this.timeout(SLOW_MS + 5000);
  let server: ArxivServer;
  before(async () => (server = await startArxivServer()));
  after(() => server.close());
  const url = (id: string) => arxivQueryUrl(server.apiUrl, id);

  it('returns the body of a good answer', async () => {
    const response = await requestArxiv(url(ARXIV_IDS.paper), { timeoutMs: 3000 });
    assert.strictEqual(response.kind, 'ok');
    assert.match((response as { body: string }).body, /<feed/);
    assert.deepStrictEqual(server.requests.slice(-1), [ARXIV_IDS.paper]);
  });

  it('reports rate limiting with its delay, and other HTTP errors', async () => {
    assert.deepStrictEqual(await requestArxiv(url(ARXIV_IDS.rateLimited), { timeoutMs: 3000 }), { kind: 'rate-limited', retryAfterSeconds: 30 });
    assert.deepStrictEqual(await requestArxiv(url(ARXIV_IDS.unavailable), { timeoutMs: 3000 }), { kind: 'rate-limited', retryAfterSeconds: 5 });
    assert.deepStrictEqual(await requestArxiv(url(ARXIV_IDS.serverError), { timeoutMs: 3000 }), { kind: 'http-error', status: 500 });
  });

  it('gives up on a slow answer after the time limit', async () => {
    const started = Date.now();
    assert.deepStrictEqual(await requestArxiv(url(ARXIV_IDS.slow), { timeoutMs: 500 }), { kind: 'timeout' });
    assert.ok(Date.now() - started < SLOW_MS, 'did not wait for the answer');
  });

  it('reports a network failure when nothing listens', async () => {
    const response = await requestArxiv(arxivQueryUrl(await closedPortUrl(), ARXIV_IDS.paper), { timeoutMs: 3000 });
    assert.strictEqual(response.kind, 'network');
  });
});
