// The words for what Check Bibliography finds, in the display language: diagnostics, the hover, the report
// and the Zotero advice all say it the same way.
import * as vscode from 'vscode';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import type { AuthorDifferences } from '../../core/bibcheck/authorNames';
import { acceptedYears } from '../../core/bibcheck/entryChecks';
import type { BibFinding, CitationMismatch } from '../../core/bibcheck/findings';
import { venueParts } from '../../core/bibtex/render';

function names(list: readonly string[]): string {
  return list.join(', ');
}

function authorParts(d: AuthorDifferences): string {
  const parts: string[] = [];
  if (d.missing.length > 0) {
    parts.push(vscode.l10n.t('missing {0}', names(d.missing)));
  }
  if (d.added.length > 0) {
    parts.push(vscode.l10n.t('not in the paper: {0}', names(d.added)));
  }
  for (const m of d.misspelled) {
    parts.push(vscode.l10n.t('{0} is written {1}', m.expected, m.written));
  }
  if (d.etAlFor !== undefined) {
    parts.push(vscode.l10n.t('"others" stands for names the paper lists ({0} authors in all)', d.etAlFor));
  }
  if (d.orderChanged) {
    parts.push(vscode.l10n.t('the order differs'));
  }
  return parts.join('; ');
}

/** The message of a finding in a .bib. */
export function bibFindingMessage(finding: BibFinding, atlas: AtlasIndex): string {
  const model = atlas.get(finding.modelId);
  switch (finding.code) {
    case 'author-mismatch':
      return vscode.l10n.t("The authors differ from {0}'s paper: {1}.", model.name, authorParts(finding.differences));
    case 'title-mismatch':
      return vscode.l10n.t("The title differs from {0}'s paper: \"{1}\".", model.name, finding.expected);
    case 'title-unprotected':
      return vscode.l10n.t('BibTeX styles would lowercase {0} in this title: braces keep the capitals.', names(finding.words));
    case 'year-mismatch':
      return model.paper.venue
        ? vscode.l10n.t("The year {0} is neither {1}'s arXiv year nor its venue's ({2}).", finding.written, model.name, names(acceptedYears(model)))
        : vscode.l10n.t("The year {0} is not {1}'s arXiv year ({2}).", finding.written, model.name, names(acceptedYears(model)));
    case 'arxiv-mismatch': {
      if (finding.expected === undefined) {
        return vscode.l10n.t('arXiv:{0} is the id of {1} ("{2}"), not of this entry\'s paper.', finding.written, model.name, model.paper.title);
      }
      const owner = atlas.models.find((m) => m.paper.arxiv?.toLowerCase() === finding.written);
      return owner
        ? vscode.l10n.t("arXiv:{0} is {1}'s id, not {2}'s (arXiv:{3}).", finding.written, owner.name, model.name, finding.expected)
        : vscode.l10n.t("arXiv:{0} is not {1}'s arXiv id (arXiv:{2}).", finding.written, model.name, finding.expected);
    }
    case 'published-version':
      return vscode.l10n.t('Published at {0}: this entry cites {1} as a preprint.', finding.venue, model.name);
    case 'duplicate-paper':
      return vscode.l10n.t("{0}'s paper is also in the bibliography under {1}.", model.name, names(finding.others.map((o) => o.key)));
  }
}

/** The message of a name followed by a citation of other papers. */
export function mismatchMessage(finding: CitationMismatch, atlas: AtlasIndex): string {
  const named = atlas.get(finding.modelId);
  const cited = finding.cited.map((c) => (c.modelId ? vscode.l10n.t("{0}'s paper", atlas.get(c.modelId).name) : c.title ? `"${c.title}"` : c.key));
  return vscode.l10n.t("{0} is followed by a citation of {1}, not of {0}'s paper.", named.name, names(cited));
}

/** Added to the message of a finding in a file Zotero writes. */
export function autoExportNote(tool: string): string {
  return vscode.l10n.t('{0} writes this file on every export, so an edit here would be lost: fix it in Zotero.', tool);
}

/** The same fix in Zotero's terms, for a file Better BibTeX exports. */
export function zoteroAdvice(finding: BibFinding, atlas: AtlasIndex, correctedAuthors: string | undefined): string {
  const model = atlas.get(finding.modelId);
  switch (finding.code) {
    case 'author-mismatch':
      return vscode.l10n.t("In Zotero, set the item's authors to: {0}.", correctedAuthors ?? names(model.paper.authors));
    case 'title-mismatch':
      return vscode.l10n.t("In Zotero, set the item's Title to \"{0}\".", finding.expected);
    case 'title-unprotected':
      return vscode.l10n.t('In Zotero, wrap {0} in <span class="nocase">...</span> in the Title: Better BibTeX then braces it.', names(finding.words));
    case 'year-mismatch':
      return vscode.l10n.t("In Zotero, set the item's Date to {0}.", finding.expected);
    case 'arxiv-mismatch':
      return finding.expected === undefined
        ? vscode.l10n.t("In Zotero, remove arXiv:{0} from the item (Archive ID, URL, Extra): it is another paper's.", finding.written)
        : vscode.l10n.t("In Zotero, set the item's Archive ID to arXiv:{0} (and any arXiv URL or DOI to that id).", finding.expected);
    case 'published-version': {
      const venue = venueParts(model);
      return venue?.type === 'article'
        ? vscode.l10n.t('In Zotero, change the Item Type to Journal Article, with Publication {0} and Date {1}.', venue.container, venue.year)
        : vscode.l10n.t('In Zotero, change the Item Type to Conference Paper, with Proceedings Title {0} and Date {1}.', venue?.container ?? '', venue?.year ?? '');
    }
    case 'duplicate-paper':
      return vscode.l10n.t('In Zotero, merge the duplicate items (Duplicate Items in the library), then cite the one key left.');
  }
}
