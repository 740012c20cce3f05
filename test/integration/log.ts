// Lines for the person running the tests, kept here and written to the results file by index.ts (under
// code-server the extension host's console goes to the browser).
import { format } from 'util';

export const capturedOutput: string[] = [];

/** Like console.log, but the line also reaches test/harness/runIntegration.js's output. */
export function log(...args: unknown[]): void {
  const line = format(...args);
  capturedOutput.push(line);
  console.log(line);
}
