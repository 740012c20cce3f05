// The code hover on a real third-party notebook (../shared/realworld, when present): every hover its code
// cells would show, found by hovering at the start of every token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { codeModelAt } from '../../src/core/code/codeHover';
import { proseRangesInCode } from '../../src/core/code/codeProse';
import { realIndex, repoRoot } from '../support/realAtlas';

const NOTEBOOK = path.join(repoRoot, '..', 'shared', 'realworld', 'hf-cookbook-vlm-trl-zh', 'fine_tuning_vlm_trl.ipynb');

describe('the code hover on a real notebook (hf-cookbook-vlm-trl-zh)', function () {
  before(function () {
    if (!fs.existsSync(NOTEBOOK)) {
      this.skip();
    }
  });

  it('shows Qwen2-VL on its checkpoint id and class, and nothing on other code', () => {
    const atlas = realIndex();
    const notebook = JSON.parse(fs.readFileSync(NOTEBOOK, 'utf8')) as { cells: Array<{ cell_type: string; source: string[] }> };
    const hits = new Map<string, Set<string>>();
    for (const cell of notebook.cells.filter((c) => c.cell_type === 'code')) {
      const text = cell.source.join('');
      const prose = proseRangesInCode(text, 'python');
      let lineOffset = 0;
      for (const [line, lineText] of text.split('\n').entries()) {
        for (const token of lineText.matchAll(/[\w./-]+/g)) {
          const hit = codeModelAt({ lineText, line, character: token.index ?? 0, lineOffset, prose, atlas });
          if (hit) {
            const spelled = lineText.slice(hit.start, hit.end);
            hits.set(spelled, (hits.get(spelled) ?? new Set()).add(hit.model.id));
          }
        }
        lineOffset += lineText.length + 1;
      }
    }
    assert.deepStrictEqual(
      [...hits].map(([spelled, ids]) => `${spelled} → ${[...ids].join(',')}`).sort(),
      ['Qwen/Qwen2-VL-7B-Instruct → qwen2-vl', 'Qwen2VLForConditionalGeneration → qwen2-vl'],
    );
  });
});
