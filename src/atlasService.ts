// Holds the atlas the features read. The index is built on first use, not at activation.
// Features subscribe to onDidChange so that user datasets (merged later) refresh every view.
import bundledModels from 'atlas:bundled';
import type { AtlasModel } from './core/atlas';
import { AtlasIndex } from './core/atlasIndex';

type Listener = () => void;

export class AtlasService {
  private index: AtlasIndex | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private models: readonly AtlasModel[] = bundledModels) {}

  get atlas(): AtlasIndex {
    this.index ??= new AtlasIndex(this.models);
    return this.index;
  }

  /** Replaces the models (e.g. bundled merged with the user's) and tells every subscriber. */
  setModels(models: readonly AtlasModel[]): void {
    this.models = models;
    this.index = undefined;
    this.listeners.forEach((listener) => listener());
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
