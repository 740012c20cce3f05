// Check Bibliography's words for each finding in English, for the command line and the agent tool (the editor
// says the same through vscode.l10n).
import type { AtlasIndex } from '../atlas/atlasIndex';
import { acceptedYears } from './entryChecks';
import type { BibFinding, CitationMismatch } from './findings';

export function bibFindingText(finding: BibFinding, atlas: AtlasIndex): string {
  const model = atlas.get(finding.modelId);
  switch (finding.code) {
    case 'author-mismatch': {
      const d = finding.differences;
      const parts = [
        ...(d.missing.length > 0 ? [`missing ${d.missing.join(', ')}`] : []),
        ...(d.added.length > 0 ? [`not in the paper: ${d.added.join(', ')}`] : []),
        ...d.misspelled.map((m) => `${m.expected} is written ${m.written}`),
        ...(d.etAlFor !== undefined ? [`"others" stands for names the paper lists (${d.etAlFor} authors in all)`] : []),
        ...(d.orderChanged ? ['the order differs'] : []),
      ];
      return `The authors differ from ${model.name}'s paper: ${parts.join('; ')}.`;
    }
    case 'title-mismatch':
      return `The title differs from ${model.name}'s paper: "${finding.expected}".`;
    case 'title-unprotected':
      return `BibTeX styles would lowercase ${finding.words.join(', ')} in this title: braces keep the capitals.`;
    case 'year-mismatch':
      return model.paper.venue
        ? `The year ${finding.written} is neither ${model.name}'s arXiv year nor its venue's (${acceptedYears(model).join(', ')}).`
        : `The year ${finding.written} is not ${model.name}'s arXiv year (${acceptedYears(model).join(', ')}).`;
    case 'arxiv-mismatch': {
      if (finding.expected === undefined) {
        return `arXiv:${finding.written} is the id of ${model.name} ("${model.paper.title}"), not of this entry's paper.`;
      }
      const owner = atlas.models.find((m) => m.paper.arxiv?.toLowerCase() === finding.written);
      return owner
        ? `arXiv:${finding.written} is ${owner.name}'s id, not ${model.name}'s (arXiv:${finding.expected}).`
        : `arXiv:${finding.written} is not ${model.name}'s arXiv id (arXiv:${finding.expected}).`;
    }
    case 'published-version':
      return `Published at ${finding.venue}: this entry cites ${model.name} as a preprint.`;
    case 'duplicate-paper':
      return `${model.name}'s paper is also in the bibliography under ${finding.others.map((o) => o.key).join(', ')}.`;
  }
}

export function mismatchText(finding: CitationMismatch, atlas: AtlasIndex): string {
  const named = atlas.get(finding.modelId);
  const cited = finding.cited.map((c) => (c.modelId ? `${atlas.get(c.modelId).name}'s paper` : c.title ? `"${c.title}"` : c.key));
  return `${named.name} is followed by a citation of ${cited.join(', ')}, not of ${named.name}'s paper.`;
}

export function missingEntryText(key: string, modelName: string, bibName: string): string {
  return `${key} (${modelName}) has no entry in ${bibName}.`;
}

export function autoExportText(tool: string): string {
  return `${tool} writes this file on every export, so an edit here would be lost: fix it in Zotero.`;
}
