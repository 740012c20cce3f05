// The offline test VS Code: code-server (scripts/dev/install-test-vscode.sh) and headless Chromium through
// playwright-core, for the integration, UI and web runners and `npm start`.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const installDir = path.join(root, '.vscode-test', 'code-server');
const entry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const fixtureWorkspace = path.join(root, 'test', 'fixtures', 'workspace');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Runs the install script unless its completion marker is there. */
function ensureInstalled() {
  const complete = fs.existsSync(installDir) && fs.readdirSync(installDir).some((f) => f.startsWith('.complete-'));
  if (complete && fs.existsSync(entry)) {
    return;
  }
  console.log('Test VS Code (code-server) is not installed; running scripts/dev/install-test-vscode.sh');
  const result = spawnSync('bash', [path.join(root, 'scripts', 'dev', 'install-test-vscode.sh')], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`scripts/dev/install-test-vscode.sh failed (exit ${result.status})`);
  }
}

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A new throwaway directory under the OS temp dir; the caller removes it. */
function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A copy of test/fixtures/workspace under dir: tests edit files (e.g. append to refs.bib), and a failed or
 * interrupted run must not leave the fixtures in the repository changed.
 */
function copyFixtureWorkspace(dir) {
  const copy = path.join(dir, 'workspace');
  fs.cpSync(fixtureWorkspace, copy, { recursive: true });
  return copy;
}

/** Runs code-server's CLI to completion (e.g. --install-extension). */
function codeServerCli(args, { quiet = false } = {}) {
  const result = spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8' });
  if (!quiet || result.status !== 0) {
    process.stdout.write(result.stdout || '');
    process.stderr.write(result.stderr || '');
  }
  if (result.status !== 0) {
    throw new Error(`code-server ${args.join(' ')} failed (exit ${result.status})`);
  }
  return result.stdout;
}

/**
 * Starts code-server on 127.0.0.1:<port> in its own process group (so stop() also ends the extension
 * host and other children), with throwaway user data, and waits until it answers HTTP.
 * Output goes to logFile when given, otherwise to this process's stdout. `env` is added to its environment
 * (the extension host it launches inherits it). Workspace Trust is off unless `workspaceTrust` is set.
 */
async function startCodeServer({ port, dataDir, extensionsDir, folder, logFile, extraArgs = [], env = {}, workspaceTrust = false }) {
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--config', path.join(dataDir, 'config.yaml'),
    '--user-data-dir', path.join(dataDir, 'user-data'),
    '--extensions-dir', extensionsDir,
    ...extraArgs,
    folder,
  ];
  const out = logFile ? fs.openSync(logFile, 'w') : 'inherit';
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited early (${JSON.stringify(exited)})${logFile ? `; see ${logFile}` : ''}`);
    }
    try {
      const response = await fetch(`${url}healthz`);
      if (response.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error('code-server did not start within 60 s');
    }
    await sleep(250);
  }

  return {
    url,
    port,
    child,
    hasExited: () => exited,
    stop: () => killGroup(child),
  };
}

/** SIGTERM the whole process group, then SIGKILL whatever is left after a moment. */
async function killGroup(child) {
  if (!child.pid) {
    return;
  }
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signal('SIGTERM')) {
    return;
  }
  for (let i = 0; i < 20; i++) {
    await sleep(100);
    if (!signal(0)) {
      return;
    }
  }
  signal('SIGKILL');
}

/**
 * The workbench URL for a folder, optionally with a development extension and a test module, which the
 * web workbench takes as its `payload` parameter (paths are on the server, hence vscode-remote URIs).
 */
function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  let url = `${server.url}?folder=${encodeURIComponent(folder)}`;
  if (payload.length) {
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** Headless Debian Chromium; playwright gives it a fresh temporary profile each launch. */
async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', // running as root in CI containers
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page with a desktop-sized viewport and clipboard access (the copy commands go through the browser). */
async function newPage(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  // code-server's own (PWA) service worker, served from the origin webviews use too, can take control of a
  // webview frame before VS Code's webview service worker: the page then logs "Found unexpected service
  // worker controller", waits for a controllerchange that never comes, and never loads. Tests do not need it.
  await context.route('**/_static/out/browser/serviceWorker.js', (route) => route.fulfill({ status: 404, body: '' }));
  return context.newPage();
}

/**
 * Installs `vsix` into a throwaway extensions dir, opens a copy of the fixture workspace in code-server and
 * headless Chromium, returns what `use({ page, server, folder })` returns, and stops both afterwards (also on
 * Ctrl+C). `userSettings` go into the user's settings.json before code-server starts; `beforeLoad(page)`
 * sees the page before the workbench loads.
 */
async function withWorkbench({ tempPrefix, vsix, logFile, timeoutMs, userSettings, beforeLoad }, use) {
  const dataDir = tempDir(tempPrefix);
  const extensionsDir = path.join(dataDir, 'extensions');
  const userData = path.join(dataDir, 'user-data');
  let server;
  let browser;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  const onInterrupt = () => stopAll().then(() => process.exit(130));
  process.once('SIGINT', onInterrupt);
  try {
    console.log(`installing ${path.relative(root, vsix)} into a throwaway extensions dir`);
    codeServerCli(
      ['--config', path.join(dataDir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { quiet: true },
    );
    if (userSettings) {
      fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
      fs.writeFileSync(path.join(userData, 'User', 'settings.json'), `${JSON.stringify(userSettings, null, 2)}\n`);
    }
    const folder = copyFixtureWorkspace(dataDir);
    server = await startCodeServer({ port: await freePort(), dataDir, extensionsDir, folder, logFile });
    console.log(`code-server on ${server.url} (log: ${path.relative(root, logFile)})`);
    browser = await launchBrowser();
    const page = await newPage(browser, server);
    page.setDefaultTimeout(timeoutMs);
    beforeLoad?.(page);
    await page.goto(workbenchUrl(server, { folder }));
    return await use({ page, server, folder });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = {
  root,
  installDir,
  fixtureWorkspace,
  ensureInstalled,
  freePort,
  tempDir,
  copyFixtureWorkspace,
  codeServerCli,
  startCodeServer,
  workbenchUrl,
  launchBrowser,
  newPage,
  withWorkbench,
  killGroup,
  sleep,
};
