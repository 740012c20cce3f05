// The bundled atlas ships as a data file beside the code (the build writes it), read on first use. The
// extension reads it through vscode.workspace.fs and the CLI through Node's fs: both call loadBundledAtlas.
import type { AtlasModel } from './atlas';

/** Where the build writes the bundled atlas, relative to the extension's root. */
export const BUNDLED_ATLAS_FILE = 'dist/atlas.json';

/** Reads a file of the installed extension by its path relative to the extension's root. */
export type ReadExtensionFile = (relativePath: string) => Promise<Uint8Array>;

/** The bundled atlas: read, then unpacked. */
export async function loadBundledAtlas(read: ReadExtensionFile): Promise<AtlasModel[]> {
  return unpackAtlas(await read(BUNDLED_ATLAS_FILE));
}

/** The models from the data file's bytes (UTF-8 JSON, a list of validated entries). */
export function unpackAtlas(bytes: Uint8Array): AtlasModel[] {
  const models: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (!Array.isArray(models) || models.some((m) => typeof (m as { id?: unknown } | null)?.id !== 'string')) {
    throw new Error(`${BUNDLED_ATLAS_FILE} is not a list of atlas entries`);
  }
  return models as AtlasModel[];
}
