// What reading and writing user atlas files needs beyond the core: the YAML library and the generated
// schema validator, about a third of the extension's code. Most workspaces have no atlas file, so the
// Node build ships this as dist/userAtlasTools.js and loads it on first use; the browser build bundles it.
import validate from 'atlas:validator';

export { readAtlasFile } from './core/userAtlas/atlasFile';
export { appendEntry } from './core/userAtlas/entryText';
export { validate };
