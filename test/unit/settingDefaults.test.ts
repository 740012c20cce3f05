import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SETTING_DEFAULTS } from '../../src/shared/settingDefaults';
import { repoRoot } from '../support/realAtlas';

describe('setting defaults', () => {
  it('are the ones package.json declares, for every modelAtlas.* setting', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const declared = Object.fromEntries(
      Object.entries(manifest.contributes.configuration.properties as Record<string, { default: unknown }>).map(([name, spec]) => [name.replace(/^modelAtlas\./, ''), spec.default]),
    );
    assert.deepStrictEqual(SETTING_DEFAULTS, declared);
  });
});
