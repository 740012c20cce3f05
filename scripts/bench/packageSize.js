// The .vsix size estimated without `vsce package`: vsce's file list with dist/ from the bench's build, each
// file deflated as a zip stores it, plus the zip headers and the manifests vsce adds.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { listFiles, PackageManager } = require('@vscode/vsce');

const ZIP_HEADERS_PER_FILE = 30 + 46; // local header + central directory entry, before the name
const MANIFESTS = 3 * 1024; // extension.vsixmanifest and [Content_Types].xml, generously

async function estimateVsixBytes(root, productionDist) {
  const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
  let total = 22; // end of central directory
  for (const file of files) {
    const source = file.startsWith('dist/') ? path.join(productionDist, file.slice('dist/'.length)) : path.join(root, file);
    if (!fs.existsSync(source)) {
      continue;
    }
    const name = `extension/${file}`;
    total += zlib.deflateRawSync(fs.readFileSync(source)).length + ZIP_HEADERS_PER_FILE + 2 * Buffer.byteLength(name);
  }
  return { bytes: total + MANIFESTS, files: files.length };
}

module.exports = { estimateVsixBytes };
