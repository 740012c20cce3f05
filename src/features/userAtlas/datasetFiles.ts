// Where the user's atlas files are: *.atlas.yaml anywhere in the workspace, YAML files under .atlas/, and the
// paths or globs of the modelAtlas.datasets setting (absolute, or relative to each workspace folder).
import * as vscode from 'vscode';
import { settings } from '../../shared/settings';

const WORKSPACE_GLOB = '{**/*.atlas.yaml,**/*.atlas.yml,**/.atlas/**/*.yaml,**/.atlas/**/*.yml}';
const EXCLUDE = '**/node_modules/**';

/** The patterns to search and watch: the workspace-wide one and one per setting entry and folder. */
export function datasetPatterns(): vscode.GlobPattern[] {
  const patterns: vscode.GlobPattern[] = [WORKSPACE_GLOB];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const configured = settings.datasets();
  for (const raw of configured) {
    const entry = raw.trim().replace(/\\/g, '/');
    if (!entry) {
      continue;
    }
    const bases = isAbsolute(entry) ? [absoluteUri(entry)] : folders.map((f) => f.uri);
    for (const base of bases) {
      patterns.push(relativePattern(base, isAbsolute(entry) ? '' : entry, isAbsolute(entry) ? entry : ''));
    }
  }
  return patterns;
}

/** Every dataset file, each once, in a stable order (so "the first definition" is well defined). */
export async function findDatasetFiles(): Promise<vscode.Uri[]> {
  const found = await Promise.all(datasetPatterns().map((p) => vscode.workspace.findFiles(p, EXCLUDE)));
  const unique = new Map(found.flat().map((uri) => [uri.toString(), uri]));
  return [...unique.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** A pattern for `path` (relative to `base`) or for the absolute `absolute`, split at the first glob segment. */
function relativePattern(base: vscode.Uri, path: string, absolute: string): vscode.RelativePattern {
  const full = absolute || path;
  const segments = full.split('/');
  const firstGlob = segments.findIndex((s) => /[*?{[]/.test(s));
  const fixed = firstGlob < 0 ? segments.slice(0, -1) : segments.slice(0, firstGlob);
  const rest = firstGlob < 0 ? segments.slice(-1) : segments.slice(firstGlob);
  const root = absolute ? absoluteUri(fixed.join('/') || '/') : vscode.Uri.joinPath(base, ...fixed.filter((s) => s && s !== '.'));
  return new vscode.RelativePattern(root, rest.join('/'));
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[a-zA-Z]:\//.test(path) || /^[a-z][a-z0-9+.-]+:\/\//i.test(path);
}

function absoluteUri(path: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(path) ? vscode.Uri.parse(path) : vscode.Uri.file(path);
}
