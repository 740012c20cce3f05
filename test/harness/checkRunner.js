// The loop both UI runners share: each check in order, a screenshot after each (pass or fail), its
// cleanup, and a pass/fail line per check. Returns the counts; the runner prints its own summary line.
'use strict';
const path = require('path');
const { root } = require('./codeServer');

async function runCheckList(checks, context, shotsDir) {
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    const started = Date.now();
    let error;
    try {
      await check.run(context);
    } catch (e) {
      error = e;
    }
    const shot = path.join(shotsDir, `${check.shot}.png`);
    await context.page.waitForTimeout(400); // let a hover finish fading in, so the screenshot shows it whole
    await context.page.screenshot({ path: shot }).catch((e) => console.log(`  (no screenshot: ${e.message})`));
    // Undoes what the check left on screen for its screenshot (a setting, an open tooltip).
    await check.after?.(context).catch((e) => console.log(`  (cleanup failed: ${e.message})`));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (error) {
      failed++;
      console.log(`  ✘ fail  ${check.name} (${seconds} s) — ${path.relative(root, shot)}`);
      console.log(`          ${String(error.message).split('\n').join('\n          ')}`);
    } else {
      passed++;
      console.log(`  ✔ pass  ${check.name} (${seconds} s) — ${path.relative(root, shot)}`);
    }
  }
  return { passed, failed };
}

module.exports = { runCheckList };
