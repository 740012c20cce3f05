// Mocha entry for the Restricted Mode tests: test/harness/runIntegration.js --restricted loads it in an extension host
// whose workspace is not trusted. Kept apart from test/integration so the normal run never loads these tests.
import { runTestsUnder } from '../integration/index';

export function run(): Promise<void> {
  return runTestsUnder(__dirname);
}
