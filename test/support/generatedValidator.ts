// The user-entry validator as the build generates it (ajv standalone code from scripts/build/entry-validator.js),
// for tests that load user atlas files the way the extension does.
import * as path from 'path';
import type { GeneratedValidator } from '../../src/core/userAtlas/entryValidation';
import { repoRoot } from './realAtlas';

let cached: GeneratedValidator | undefined;

export function generatedValidator(): GeneratedValidator {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { entryValidatorSource } = require(path.join(repoRoot, 'scripts', 'build', 'entry-validator.js')) as { entryValidatorSource(): string };
    const module = { exports: {} as unknown };
    new Function('module', 'exports', 'require', entryValidatorSource())(module, module.exports, require);
    cached = module.exports as GeneratedValidator;
  }
  return cached;
}
