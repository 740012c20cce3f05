// A stand-in for the `vscode` module so the bundled extension loads and activates in plain Node: stubs
// everywhere, real values only where activation or first use reads data (configuration, l10n, files).
'use strict';

const calls = { registrations: 0 };

function stub(name) {
  const children = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'then') {
        return undefined; // not a promise
      }
      if (prop === Symbol.toPrimitive) {
        return () => name;
      }
      if (prop === Symbol.iterator) {
        return function* () {};
      }
      if (prop === 'dispose') {
        return () => {};
      }
      if (prop === 'prototype') {
        return t.prototype;
      }
      if (!children.has(prop)) {
        children.set(prop, stub(`${name}.${String(prop)}`));
      }
      return children.get(prop);
    },
    apply() {
      if (/\.register\w*$/.test(name)) {
        calls.registrations++;
      }
      return stub(`${name}()`);
    },
    construct(t, args, newTarget) {
      return instance(Object.create(newTarget.prototype), `new ${name}`);
    },
  });
}

/** An object made by `new`: own and subclass members are real, anything else is a stub. */
function instance(object, name) {
  return new Proxy(object, {
    get(o, prop, receiver) {
      if (prop in o || typeof prop === 'symbol' || prop === 'then') {
        return Reflect.get(o, prop, receiver);
      }
      if (prop === 'dispose') {
        return () => {};
      }
      return stub(`${name}.${prop}`);
    },
  });
}

const base = stub('vscode');
const nodePath = require('path');
const fsPromises = require('fs/promises');
// File URIs are real: the bundled atlas is read from the extension's folder through workspace.fs.
const Uri = {
  file: (fsPath) => ({ scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` }),
  joinPath: (uri, ...parts) => Uri.file(nodePath.join(uri.fsPath, ...parts)),
};
const fileSystem = { readFile: async (uri) => new Uint8Array(await fsPromises.readFile(uri.fsPath)) };
const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };
const overrides = {
  l10n: { t: (message) => (typeof message === 'string' ? message : message.message), bundle: undefined, uri: undefined },
  env: new Proxy({ language: 'en', appName: 'bench', uiKind: 1 }, { get: (o, p) => (p in o ? o[p] : base.env[p]) }),
  window: new Proxy(
    { activeTextEditor: undefined, visibleTextEditors: [], activeColorTheme: { kind: 2 } },
    { get: (o, p) => (p in o ? o[p] : base.window[p]) },
  ),
  Uri,
  workspace: new Proxy(
    { textDocuments: [], workspaceFolders: undefined, getConfiguration: () => configuration, isTrusted: true, fs: fileSystem },
    { get: (o, p) => (p in o ? o[p] : base.workspace[p]) },
  ),
};

// Bundles copy the module's own properties (esbuild's __toESM), so every top-level name is an own property.
const fs = require('fs');
const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = new Set([...declarations.matchAll(/^\t?export (?:class|namespace|enum|function|const|let) (\w+)/gm)].map((m) => m[1]));
for (const name of names) {
  module.exports[name] = name in overrides ? overrides[name] : base[name];
}
module.exports.__calls = calls;
