// The YAML library's bibliography functions, loaded on first use with the user atlas tools (in the Node build
// they sit in dist/userAtlasTools.js): YAML bibliographies, front matter references and CITATION.cff need them.
import type { frontMatterReferences, planYamlAppend, readCitationCff, readYamlBibliography } from '../core/bibliographies/yamlBibliographies';

export interface YamlTools {
  readYamlBibliography: typeof readYamlBibliography;
  planYamlAppend: typeof planYamlAppend;
  frontMatterReferences: typeof frontMatterReferences;
  readCitationCff: typeof readCitationCff;
}

let loader: (() => Promise<YamlTools>) | undefined;

/** Called once at activation with the entry point's loader. */
export function provideYamlTools(load: () => Promise<YamlTools>): void {
  loader = load;
}

export function yamlTools(): Promise<YamlTools> {
  if (!loader) {
    return Promise.reject(new Error('the YAML tools were not provided at activation'));
  }
  return loader();
}
