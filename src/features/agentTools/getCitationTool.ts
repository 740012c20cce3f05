// modelAtlas_getCitation: for a model and a document, the key to cite (the one its bibliography already holds
// the paper under, else the key a new entry gets) and the entry; with `append`, and the user's confirmation,
// the entry is appended as Insert Citation appends it.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { modelNamed } from '../../core/agentTools/modelSearch';
import { paperIdentity } from '../../core/bibtex/atlasEntries';
import { findExistingEntry } from '../../core/bibtex/match';
import { renderBibtex } from '../../core/bibtex/render';
import { formatCitation } from '../../core/citations/citationSyntax';
import type { AtlasService } from '../../shared/atlasService';
import { planBibliography, writeBibliographyPlan, type BibliographyPlan } from '../../shared/bibliography/bibliographyWrites';
import { loadBibliographies, openBibliography } from '../../shared/bibliography/parsedBibs';
import { syntaxOf } from '../../shared/documentLanguages';
import { settings } from '../../shared/settings';
import { textResult, toolDocument } from './agentTools';

export interface CitationInput {
  /** A model's name, alias, id, citation key, checkpoint id or class name. */
  model: string;
  /** The document to cite in; the active editor's when left out. */
  document?: string;
  /** Append the entry to the document's bibliography when it is missing. */
  append?: boolean;
}

interface Citation {
  model: AtlasModel;
  document: vscode.TextDocument | undefined;
  key: string;
  entry: string;
  /** The bibliography that holds the entry, or would take it. */
  file: string | undefined;
  /** Set when the entry is missing from the bibliography and can be appended. */
  plan: BibliographyPlan | undefined;
}

type Lookup = { ok: true; citation: Citation } | { ok: false; message: string };

async function lookUp(service: AtlasService, input: CitationInput): Promise<Lookup> {
  const model = modelNamed((await service.atlas()), input.model ?? '');
  if (!model) {
    return { ok: false, message: `No model in the Model Atlas is named ${JSON.stringify(input.model)}. Find its exact name with modelAtlas_findModels.` };
  }
  const document = await toolDocument(input.document);
  if (input.document && !document) {
    return { ok: false, message: `Cannot open the document ${JSON.stringify(input.document)}.` };
  }
  const loaded = document ? await loadBibliographies(document) : [];
  for (const { uri, bib } of loaded) {
    const existing = bib && findExistingEntry(bib, paperIdentity(model));
    if (existing) {
      const text = (await openBibliography(uri))?.getText() ?? '';
      const entry = text.slice(existing.start, existing.end);
      return { ok: true, citation: { model, document, key: existing.key, entry, file: vscode.workspace.asRelativePath(uri), plan: undefined } };
    }
  }
  if (!document || loaded.length === 0) {
    const entry = renderBibtex(model, settings.bibtexFlavour(document?.uri));
    return { ok: true, citation: { model, document, key: model.bibtex.key, entry, file: undefined, plan: undefined } };
  }
  const plan = await planBibliography(loaded[0].uri, [model], loaded.map((l) => l.uri), { citing: document });
  const entry = plan.append?.text.trim() ?? '';
  return { ok: true, citation: { model, document, key: plan.keys[0], entry, file: vscode.workspace.asRelativePath(loaded[0].uri), plan } };
}

export function getCitationTool(service: AtlasService): vscode.LanguageModelTool<CitationInput> {
  return {
    async prepareInvocation(options) {
      const found = await lookUp(service, options.input);
      const invocationMessage = vscode.l10n.t('Looking up the citation of {0}', options.input.model);
      if (!found.ok || !options.input.append || !found.citation.plan || !found.citation.file) {
        return { invocationMessage };
      }
      const { model, key, file } = found.citation;
      return {
        invocationMessage,
        confirmationMessages: {
          title: vscode.l10n.t('Add {0} to {1}?', model.name, file),
          message: vscode.l10n.t('Model Atlas appends the entry for {0} under the key {1} to {2}, as Insert Citation does: one undoable edit that changes no existing line.', model.name, key, file),
        },
      };
    },
    async invoke(options) {
      const found = await lookUp(service, options.input);
      if (!found.ok) {
        return textResult(found.message);
      }
      const { model, document, key, entry, file, plan } = found.citation;
      const lines = [`${model.name}: "${model.paper.title}" (${model.paper.date.slice(0, 4)}${model.paper.venue ? `, ${model.paper.venue}` : ''}).`];
      if (!file) {
        lines.push(`Cite it as ${key} (the atlas key). ${document ? 'The document names no bibliography' : 'No document is open'}, so nothing was checked or added.`);
      } else if (!plan) {
        const atlasKey = key === model.bibtex.key ? '' : ` (not the atlas key ${model.bibtex.key})`;
        lines.push(`Cite it as ${key}: ${file} already holds this paper under that key${atlasKey}.`);
      } else if (options.input.append) {
        const written = await writeBibliographyPlan(plan);
        lines.push(written.ok ? `Cite it as ${key}: the entry was appended to ${file}.` : `The entry was not appended to ${file}: ${written.message}`);
      } else {
        lines.push(`${file} does not hold this paper yet. Cite it as ${key} once the entry below is in ${file}: call this tool again with append set to true to append it (the user is asked first).`);
      }
      if (document) {
        lines.push(`In this document write: ${formatCitation([key], syntaxOf(document), settings.citationCommand(document.uri))}`);
      }
      lines.push('', file && !plan ? `The entry in ${file}:` : 'The entry:', entry);
      return textResult(lines.join('\n'));
    },
  };
}
