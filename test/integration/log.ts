// Output the integration runners can show. Under code-server the extension host's console goes to the
// browser (and VS Code makes console.log non-replaceable there), so lines meant for the person running the
// tests are also kept here and written to the results file by index.ts.
import { format } from 'util';

export const capturedOutput: string[] = [];

/** Like console.log, but the line also reaches test/harness/runIntegration.js's output. */
export function log(...args: unknown[]): void {
  const line = format(...args);
  capturedOutput.push(line);
  console.log(line);
}
