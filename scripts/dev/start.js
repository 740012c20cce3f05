// `npm start`: builds, installs the test VS Code (code-server) if missing, and serves the sample workspace with
// this repository as the development extension (PORT=9000 npm start for another port).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const cs = require('../../test/harness/codeServer');

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function main() {
  const build = spawnSync('npm', ['run', 'build'], { cwd: cs.root, stdio: 'inherit' });
  if (build.status !== 0) {
    throw new Error('npm run build failed');
  }
  cs.ensureInstalled();

  const wanted = Number(process.env.PORT || 8080);
  const port = (await portIsFree(wanted)) ? wanted : await cs.freePort();
  const dataDir = cs.tempDir('atlas-start-');
  const extensionsDir = path.join(dataDir, 'extensions');
  fs.mkdirSync(extensionsDir);
  const server = await cs.startCodeServer({ port, dataDir, extensionsDir, folder: cs.fixtureWorkspace });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', () => {
    if (!stopping) {
      console.log('code-server exited');
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(1);
    }
  });

  const url = cs.workbenchUrl(server, { folder: cs.fixtureWorkspace, extensionDevelopmentPath: cs.root });
  console.log(`\nMultimodal Model Atlas is running in VS Code (code-server) on the sample workspace.\nOpen:\n\n  ${url}\n\nCtrl+C to stop.`);
}

main().catch((error) => {
  console.error(`start: ${error.message}`);
  process.exit(1);
});
