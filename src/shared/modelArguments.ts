// The models a command was run for, from its arguments: a model id, a list of ids, a tree item (an object
// with `modelId`), or, from a multi-select tree, the clicked item and the selection it belongs to.
import * as vscode from 'vscode';
import type { AtlasModel } from '../core/atlas/atlas';
import type { AtlasIndex } from '../core/atlas/atlasIndex';
import type { AtlasService } from './atlasService';
import { pickModel } from './pickModels';

/** The model id an argument names: the id itself, or an object with `modelId` (a tree item, a hover's link). */
export function idOf(arg: unknown): string | undefined {
  const id = typeof arg === 'string' ? arg : (arg as { modelId?: unknown } | undefined)?.modelId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * A mention of a model in a document, passed by the hover card and the In This Document view so that Insert
 * Citation cites that mention: its line, its start and end columns and its text (to see it is still there).
 */
export interface MentionArgument {
  uri: string;
  line: number;
  start: number;
  end: number;
  text: string;
}

/** The mention an argument carries (`{ modelId, mention }`), if any and well formed. */
export function mentionOf(arg: unknown): MentionArgument | undefined {
  const mention = (arg as { mention?: Partial<MentionArgument> } | undefined)?.mention;
  const numbers = mention && [mention.line, mention.start, mention.end].every((n) => Number.isInteger(n) && n! >= 0);
  return numbers && typeof mention.uri === 'string' && typeof mention.text === 'string' && mention.end! >= mention.start! ? (mention as MentionArgument) : undefined;
}

/** The atlas models the arguments name, each once, in the order given; unknown ids are left out. */
export function modelsFromArguments(atlas: AtlasIndex, target: unknown, selection?: unknown): AtlasModel[] {
  const targetId = idOf(target);
  // VS Code passes the selection as well; it applies only when the clicked item is part of it.
  const fromSelection = Array.isArray(selection) && targetId !== undefined && selection.some((s) => idOf(s) === targetId);
  const args: unknown[] = fromSelection ? (selection as unknown[]) : Array.isArray(target) ? target : target === undefined ? [] : [target];
  const ids = [...new Set(args.map(idOf).filter((id): id is string => id !== undefined))];
  return ids.map((id) => atlas.byIdOrUndefined(id)).filter((m): m is AtlasModel => m !== undefined);
}

/** A model from a command argument (an id, or an object with `modelId`), or from a quick pick. */
export async function resolveModel(service: AtlasService, arg: unknown): Promise<AtlasModel | undefined> {
  const id = idOf(arg);
  if (id !== undefined) {
    const model = (await service.atlas()).byIdOrUndefined(id);
    if (!model) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No model with id {0} in the atlas.', id));
    }
    return model;
  }
  return pickModel(await service.atlas());
}

/** The file named by a command argument: a Uri, a URI string, or a path relative to the first workspace folder. */
export function uriFromArgument(file: unknown): vscode.Uri | undefined {
  if (file instanceof vscode.Uri) {
    return file;
  }
  if (typeof file !== 'string' || !file) {
    return undefined;
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(file) && !/^[a-zA-Z]:[\\/]/.test(file)) {
    return vscode.Uri.parse(file);
  }
  if (file.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(file)) {
    return vscode.Uri.file(file);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, file) : undefined;
}
