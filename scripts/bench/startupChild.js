// One cold start-up, in a fresh process: load the production bundle with the stub `vscode`, activate it
// with a fake ExtensionContext, then unpack the bundled (real) atlas and build its index. Prints JSON timings.
'use strict';
const Module = require('module');
const path = require('path');

const bundle = process.argv[2];
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
  extensionUri: vscode.Uri.file(path.resolve(__dirname, '..', '..')),
  extensionPath: path.resolve(__dirname, '..', '..'),
  extensionMode: 1,
  asAbsolutePath: (p) => path.resolve(__dirname, '..', '..', p),
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
t = process.hrtime.bigint();
api.service.models; // unpacks the embedded dataset (deflated JSON), on first use rather than at activation
const unpack = ms(t);
t = process.hrtime.bigint();
const size = api.service.atlas.size;
const index = ms(t);
process.stdout.write(JSON.stringify({ load, activate, unpack, index, models: size, subscriptions: context.subscriptions.length, registrations: vscode.__calls.registrations }));
