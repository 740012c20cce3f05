// What needs the YAML library (and the generated schema validator): user atlas files, and YAML bibliographies
// (CSL-YAML, Hayagriva, front matter references, CITATION.cff). dist/userAtlasTools.js in the Node build,
// loaded on first use; bundled in the browser build.
import validate from 'atlas:validator';

export { readAtlasFile } from './core/userAtlas/atlasFile';
export { appendEntry } from './core/userAtlas/entryText';
export { frontMatterReferences, planYamlAppend, readCitationCff, readYamlBibliography } from './core/bibliographies/yamlBibliographies';
export { validate };
