// The bundled atlas as the build reads it (data/models/*.yaml), for tests that run on the real data.
import * as path from 'path';
import type { AtlasModel } from '../../src/core/atlas/atlas';
import { AtlasIndex } from '../../src/core/atlas/atlasIndex';
import type { MentionNames } from '../../src/core/mentions/mentionSpellings';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface LoadedAtlas {
  entries: Array<{ file: string; model: AtlasModel; locate(parts: (string | number)[]): { line: number; col: number } }>;
  problems: Array<{ file: string; line: number; col: number; message: string }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const atlasData = require(path.join(repoRoot, 'scripts', 'build', 'atlas-data.js')) as {
  loadAtlasDir(dir?: string): LoadedAtlas;
  loadNames(): { names: MentionNames | undefined; problems: LoadedAtlas['problems'] };
  formatProblem(p: LoadedAtlas['problems'][number]): string;
};

let cached: LoadedAtlas | undefined;

export function loadRealAtlas(): LoadedAtlas {
  cached ??= atlasData.loadAtlasDir();
  return cached;
}

export function loadAtlasFrom(dir: string): LoadedAtlas {
  return atlasData.loadAtlasDir(dir);
}

export function realModels(): AtlasModel[] {
  return loadRealAtlas().entries.map((e) => e.model);
}

/** data/names.yaml, as the build embeds it. */
export function realNames(): MentionNames {
  const { names, problems } = atlasData.loadNames();
  if (!names) {
    throw new Error(problems.map(formatProblemOf).join('\n'));
  }
  return names;
}

function formatProblemOf(p: LoadedAtlas['problems'][number]): string {
  return atlasData.formatProblem(p);
}

export function realIndex(): AtlasIndex {
  return new AtlasIndex(realModels(), realNames());
}

export const formatProblem = atlasData.formatProblem;
