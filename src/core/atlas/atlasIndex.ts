// An index over the atlas: by id, by citation key, by any spelling of a name, and the reverse lineage.
import type { AtlasModel } from './atlas';
import { namesOf } from './atlas';
import { MentionMatcher } from '../mentions/mentions';
import { mentionSpellings, NO_NAMES, type MentionNames } from '../mentions/mentionSpellings';
import { familyDisplayNames, oldestFirst } from './modelGroups';
import { normalizeName, withoutVersionV } from './normalize';

export class AtlasIndex {
  readonly models: readonly AtlasModel[];
  private readonly byId = new Map<string, AtlasModel>();
  private readonly byKey = new Map<string, AtlasModel>();
  private readonly byNormalizedName = new Map<string, AtlasModel | null>();
  private readonly builtOnBy = new Map<string, AtlasModel[]>();
  private matcherCache: MentionMatcher | undefined;
  private familyNames: Map<string, string> | undefined;

  /** `names` (data/names.yaml) tell the matcher which names are ordinary words and which are not models. */
  constructor(models: readonly AtlasModel[], readonly names: MentionNames = NO_NAMES) {
    this.models = [...models].sort(oldestFirst);
    for (const model of this.models) {
      this.byId.set(model.id, model);
      this.byKey.set(model.bibtex.key.toLowerCase(), model);
    }
    // Exact normalised spellings first, so a "v"-less variant never shadows a real name. Each spelling is
    // normalised once: this runs on the atlas's first use.
    const spellings = this.models.map((model) => ({ model, normalized: namesOf(model).map(normalizeName) }));
    for (const { model, normalized } of spellings) {
      for (const name of normalized) {
        this.addName(name, model);
      }
      this.addName(normalizeName(model.id), model);
    }
    for (const { model, normalized } of spellings) {
      for (const name of normalized) {
        const variant = withoutVersionV(name);
        if (variant !== undefined && !this.byNormalizedName.has(variant)) {
          this.addName(variant, model);
        }
      }
    }
    for (const model of this.models) {
      for (const target of model.lineage.buildsOn) {
        const list = this.builtOnBy.get(target) ?? [];
        list.push(model);
        this.builtOnBy.set(target, list);
      }
    }
  }

  get size(): number {
    return this.models.length;
  }

  /** The mention matcher, built on first use: activation should not pay for it. */
  get matcher(): MentionMatcher {
    this.matcherCache ??= new MentionMatcher(mentionSpellings(this.models, this.names));
    return this.matcherCache;
  }

  /** The name a family goes by (familyDisplayNames), worked out once per atlas; the family id if it has no member. */
  familyName(family: string): string {
    this.familyNames ??= familyDisplayNames(this.models);
    return this.familyNames.get(family) ?? family;
  }

  byIdOrUndefined(id: string): AtlasModel | undefined {
    return this.byId.get(id);
  }

  get(id: string): AtlasModel {
    const model = this.byId.get(id);
    if (!model) {
      throw new Error(`No model with id '${id}' in the atlas`);
    }
    return model;
  }

  /** The model whose citation key this is, ignoring case as BibTeX does. */
  byCitationKey(key: string): AtlasModel | undefined {
    return this.byLowerCaseKey(key.toLowerCase());
  }

  /** byCitationKey for a key already in lower case, as a .bib's key map holds them: no copy of each. */
  byLowerCaseKey(lower: string): AtlasModel | undefined {
    return this.byKey.get(lower);
  }

  /**
   * The model a name, alias, id or citation key denotes, ignoring case, spaces, hyphens and a version's "v"
   * ("blip2", "BEiT v3", "beit3"); undefined when unknown or ambiguous.
   */
  lookup(nameOrKey: string): AtlasModel | undefined {
    const normalized = normalizeName(nameOrKey);
    const byName = this.byNormalizedName.get(normalized) ?? this.byNormalizedName.get(withoutVersionV(normalized) ?? '');
    return byName ?? this.byCitationKey(nameOrKey.trim());
  }

  /** Models that list `id` in their lineage, oldest first. */
  builtOn(id: string): AtlasModel[] {
    return this.builtOnBy.get(id) ?? [];
  }

  buildsOn(model: AtlasModel): AtlasModel[] {
    return model.lineage.buildsOn.map((id) => this.byId.get(id)).filter((m): m is AtlasModel => m !== undefined);
  }

  private addName(normalized: string, model: AtlasModel): void {
    const existing = this.byNormalizedName.get(normalized);
    if (existing === undefined) {
      this.byNormalizedName.set(normalized, model);
    } else if (existing !== null && existing.id !== model.id) {
      this.byNormalizedName.set(normalized, null); // ambiguous: refuse rather than guess
    }
  }
}
