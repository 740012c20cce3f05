// Mocha entry of the integration suite, for both runners; under code-server the results also go to the file
// $ATLAS_INTEGRATION_RESULTS names, since the extension host's console goes to the browser.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { capturedOutput, log } from './log';

/** <repo>, from <repo>/out/test/integration/index.js. */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const resultsFile =
  process.env.ATLAS_INTEGRATION_RESULTS || path.join(repoRoot, 'test-results', 'integration-results.json');

export interface IntegrationResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  failures: { title: string; message: string; stack?: string }[];
  /** mocha's spec report and the tests' own log() lines, in order. */
  output: string[];
  /** Set when the tests could not be loaded or run at all. */
  error?: string;
}

/** Every *.test.js under this directory, found without a glob dependency. */
function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return findTests(full);
    }
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

function writeResults(results: IntegrationResults): void {
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  // Write then rename, so a runner polling for the file never reads half of it.
  const tmp = `${resultsFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, resultsFile);
}

export function run(): Promise<void> {
  return runTestsUnder(__dirname);
}

/** Runs every *.test.js under `dir` (test/restricted/index.ts runs its own folder in Restricted Mode). */
export function runTestsUnder(dir: string): Promise<void> {
  // ATLAS_TEST_GREP=<text>[|<text>...] runs only the tests whose full title contains one of the texts (the
  // runner's environment reaches the extension host through code-server, and through VS Code with test-electron).
  const texts = process.env.ATLAS_TEST_GREP?.split('|').map((text) => text.replace(/[.*+?^${}()[\]\\]/g, '\\$&'));
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30000, ...(texts ? { grep: new RegExp(texts.join('|')) } : {}) });
  const results: IntegrationResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, failures: [], output: capturedOutput };
  // Reporters print through Base.consoleLog (taken from console.log when mocha loads); route it via log().
  const reporterBase = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalConsoleLog = reporterBase.consoleLog;
  reporterBase.consoleLog = log;
  const started = Date.now();

  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      reporterBase.consoleLog = originalConsoleLog;
      results.durationMs = Date.now() - started;
      if (error !== undefined) {
        results.error = error instanceof Error ? error.stack ?? error.message : String(error);
      }
      writeResults(results);
      if (results.error || results.failed > 0) {
        reject(new Error(results.error ?? `${results.failed} integration test(s) failed.`));
      } else {
        resolve();
      }
    };
    try {
      findTests(dir).forEach((file) => mocha.addFile(file));
      const runner = mocha.run(() => finish());
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.pending++);
      runner.on('fail', (test, err: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), message: err?.message ?? String(err), stack: err?.stack });
      });
    } catch (error) {
      finish(error);
    }
  });
}
