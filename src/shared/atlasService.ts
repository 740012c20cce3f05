// Holds the atlas the features read. The index is built on first use, not at activation.
// Features subscribe to onDidChange so that user datasets (merged later) refresh every view.
import bundledModels from 'atlas:bundled';
import bundledNames from 'atlas:names';
import type { AtlasModel } from '../core/atlas/atlas';
import { AtlasIndex } from '../core/atlas/atlasIndex';

type Listener = () => void;

export class AtlasService {
  private index: AtlasIndex | undefined;
  private readonly listeners = new Set<Listener>();
  private current: readonly AtlasModel[] | undefined;

  constructor(models?: readonly AtlasModel[]) {
    this.current = models;
  }

  /** The models, unpacking the bundled atlas on first use. */
  get models(): readonly AtlasModel[] {
    this.current ??= bundledModels();
    return this.current;
  }

  get atlas(): AtlasIndex {
    this.index ??= new AtlasIndex(this.models, bundledNames);
    return this.index;
  }

  /** Replaces the models (e.g. bundled merged with the user's) and tells every subscriber. */
  setModels(models: readonly AtlasModel[]): void {
    this.current = models;
    this.index = undefined;
    this.listeners.forEach((listener) => listener());
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
