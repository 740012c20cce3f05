import * as assert from 'assert';
import { latexComments, loadsLatexPackage, withoutLatexComments } from '../../src/core/documents/latexSource';

describe('LaTeX comments: the one scanner', () => {
  it('starts a comment at a % after an even run of backslashes, not after an odd one', () => {
    assert.strictEqual(withoutLatexComments('50\\% of it % a comment'), '50\\% of it ');
    // "\\" is a line break, so the % after it starts a comment.
    assert.strictEqual(withoutLatexComments('a\\\\% comment\nb'), 'a\\\\\nb');
    assert.strictEqual(withoutLatexComments('a\\\\\\% kept'), 'a\\\\\\% kept');
    assert.deepStrictEqual(latexComments('x % one\n\\% no\n\\\\% two'), [
      { start: 2, end: 7 },
      { start: 16, end: 21 },
    ]);
  });

  it('keeps line breaks, so line numbers stay', () => {
    assert.strictEqual(withoutLatexComments('% a\r\n%b\nc').split('\n').length, 3);
  });

  it('is what the package and bibliography readers use: a package loaded after \\\\% is found, one after \\% is not', () => {
    assert.strictEqual(loadsLatexPackage('\\\\% \\usepackage{booktabs}', 'booktabs'), false);
    assert.strictEqual(loadsLatexPackage('\\% \\usepackage{booktabs}', 'booktabs'), true);
  });
});
