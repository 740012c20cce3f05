// node dist/cli.js check, run as a lab's CI runs it: on the fixture paper, a .bib alone, a clean file, with
// --ignore, and on bad input. The output is the file:line:col: code: message form; warnings make exit 1.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../support/realAtlas';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const fixture = 'test/fixtures/workspace/bibcheck';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('node dist/cli.js check', () => {
  it('prints every finding of the fixture paper and its two .bib files, and exits 1', () => {
    const { status, stdout, stderr } = run('check', `${fixture}/paper.tex`);
    assert.strictEqual(stdout, [
      `${fixture}/refs.bib:5:15: author-mismatch: The authors differ from ViLT's paper: not in the paper: Minseo Park, Jaehyun Lee, Soyeon Choi, Hyunwoo Jung, Dohyun Kang.`,
      `${fixture}/refs.bib:12:15: title-mismatch: The title differs from Flamingo's paper: "Flamingo: a Visual Language Model for Few-Shot Learning".`,
      `${fixture}/refs.bib:20:16: title-unprotected: BibTeX styles would lowercase BLIP-2 in this title: braces keep the capitals.`,
      `${fixture}/refs.bib:30:15: year-mismatch: The year 2020 is neither CLIP's arXiv year nor its venue's (2021).`,
      `${fixture}/refs.bib:38:16: arxiv-mismatch: arXiv:2310.03744 is LLaVA-1.5's id, not LLaVA's (arXiv:2304.08485).`,
      `${fixture}/refs.bib:41:7: published-version: Published at NeurIPS 2023: this entry cites InstructBLIP as a preprint.`,
      `${fixture}/refs.bib:51:16: duplicate-paper: BLIP's paper is also in the bibliography under DBLP:conf/icml/0001LXH22.`,
      `${fixture}/more.bib:3:16: duplicate-paper: BLIP's paper is also in the bibliography under li2022blip.`,
      `${fixture}/paper.tex:8:100: citation-mismatch: Kosmos-2 is followed by a citation of BLIP-2's paper, not of Kosmos-2's paper.`,
      '',
    ].join('\n'));
    assert.strictEqual(status, 1);
    assert.match(stderr, /7 warnings, 2 notes\./);
  });

  it('checks a .bib on its own, and leaves out the codes --ignore names', () => {
    const { status, stdout } = run('check', `${fixture}/refs.bib`, '--ignore', 'author-mismatch,title-mismatch,year-mismatch,arxiv-mismatch,duplicate-paper');
    assert.deepStrictEqual(stdout.trim().split('\n').map((line) => line.split(': ')[1]), ['title-unprotected', 'published-version']);
    assert.strictEqual(status, 0, 'information only: exit 0');
  });

  it('exits 0 on a file with nothing to report, and says a Zotero export is fixed in Zotero', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-'));
    try {
      const clean = path.join(dir, 'clean.bib');
      fs.writeFileSync(clean, '@inproceedings{li2023blip2,\n  title={{BLIP-2}: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models},\n  author={Li, Junnan and Li, Dongxu and Savarese, Silvio and Hoi, Steven},\n  booktitle={ICML},\n  year={2023}\n}\n');
      const result = run('check', clean);
      assert.deepStrictEqual([result.status, result.stdout], [0, '']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const zotero = run('check', `${fixture}/zotero.bib`);
    assert.strictEqual(zotero.status, 1);
    assert.match(zotero.stdout, /zotero\.bib:7:10: year-mismatch: .* Better BibTeX writes this file on every export, so an edit here would be lost: fix it in Zotero\./);
  });

  it('exits 2 on a missing file, an unknown code or no command', () => {
    assert.strictEqual(run('check', `${fixture}/missing.tex`).status, 2);
    assert.strictEqual(run('check', `${fixture}/refs.bib`, '--ignore=no-such-code').status, 2);
    assert.strictEqual(run().status, 2);
    assert.strictEqual(run('check', '--help').status, 0);
  });
});
