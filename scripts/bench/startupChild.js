// One cold start-up, in a fresh process: load the production bundle with the stub `vscode`, activate it
// with a fake ExtensionContext, then the first use: read and unpack dist/atlas.json, index it. Prints JSON timings.
'use strict';
const Module = require('module');
const path = require('path');

const bundle = process.argv[2];
const extensionRoot = path.resolve(path.dirname(bundle), '..'); // the build's dist/ holds atlas.json
const stubPath = path.join(__dirname, 'vscodeStub.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest);
};

function memento() {
  const values = new Map();
  return { get: (k, d) => (values.has(k) ? values.get(k) : d), update: async (k, v) => void values.set(k, v), keys: () => [...values.keys()] };
}

const vscode = require(stubPath);
const context = {
  subscriptions: [],
  workspaceState: memento(),
  globalState: Object.assign(memento(), { setKeysForSync() {} }),
  extensionUri: vscode.Uri.file(extensionRoot),
  extensionPath: extensionRoot,
  extensionMode: 1,
  asAbsolutePath: (p) => path.resolve(extensionRoot, p),
  storageUri: undefined,
  globalStorageUri: vscode.Uri.file('/tmp'),
  logUri: vscode.Uri.file('/tmp'),
  extension: { id: 'model-atlas.multimodal-model-atlas', packageJSON: {} },
};

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
let t = process.hrtime.bigint();
const extension = require(path.resolve(bundle));
const load = ms(t);
t = process.hrtime.bigint();
const api = extension.activate(context);
const activate = ms(t);
async function firstUse() {
  let t = process.hrtime.bigint();
  await api.service.bundled(); // reads dist/atlas.json through workspace.fs and unpacks it: the first use, not activation
  const unpack = ms(t);
  t = process.hrtime.bigint();
  const size = (await api.service.atlas()).size;
  const index = ms(t);
  process.stdout.write(JSON.stringify({ load, activate, unpack, index, models: size, subscriptions: context.subscriptions.length, registrations: vscode.__calls.registrations }));
}
firstUse();
