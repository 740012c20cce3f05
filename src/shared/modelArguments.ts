// The models a command was run for, from its arguments: a model id, a list of ids, a tree item (an object
// with `modelId`), or, from a multi-select tree, the clicked item and the selection it belongs to.
import type { AtlasModel } from '../core/atlas/atlas';
import type { AtlasIndex } from '../core/atlas/atlasIndex';

function idOf(arg: unknown): string | undefined {
  const id = typeof arg === 'string' ? arg : (arg as { modelId?: unknown } | undefined)?.modelId;
  return typeof id === 'string' ? id : undefined;
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
