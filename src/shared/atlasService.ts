// Holds the atlas the features read: the bundled data file is read and indexed on first use, not at
// activation. Features subscribe to onDidChange so that user datasets (merged later) refresh every view.
import bundledNames from 'atlas:names';
import type { AtlasModel } from '../core/atlas/atlas';
import { AtlasIndex } from '../core/atlas/atlasIndex';

type Listener = () => void;

/** Reads the bundled atlas (see core/atlas/bundledAtlas). */
export type ReadBundledAtlas = () => Promise<readonly AtlasModel[]>;

export class AtlasService {
  private index: AtlasIndex | undefined;
  private readonly listeners = new Set<Listener>();
  private current: readonly AtlasModel[] | undefined;
  private bundledRead: Promise<readonly AtlasModel[]> | undefined;

  constructor(private readonly readBundled: ReadBundledAtlas) {}

  /** The bundled atlas, read once (a failed read is tried again on the next call). */
  bundled(): Promise<readonly AtlasModel[]> {
    this.bundledRead ??= this.readBundled().catch((error: unknown) => {
      this.bundledRead = undefined;
      throw error;
    });
    return this.bundledRead;
  }

  /** The atlas every feature reads: the bundled one, or what setModels gave (bundled merged with the user's). */
  async atlas(): Promise<AtlasIndex> {
    if (!this.current) {
      const bundled = await this.bundled();
      this.current ??= bundled; // setModels may have run meanwhile
    }
    return this.loaded!;
  }

  /** The atlas when it has been read already, for the few callers that cannot wait (the Markdown preview). */
  get loaded(): AtlasIndex | undefined {
    if (this.current) {
      this.index ??= new AtlasIndex(this.current, bundledNames);
    }
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
