// On a cited key whose .bib entry has a Check Bibliography finding, the hover says so (beside the model's
// card from the hover feature), so a wrong reference shows where it is cited.
import * as vscode from 'vscode';
import { hoverTargetAt } from '../../core/citations/hoverTarget';
import { escapeMarkdown } from '../../core/presentation/markdown';
import { isInside } from '../../core/documents/ranges';
import type { AtlasService } from '../../shared/atlasService';
import { nonProseOf } from '../../shared/documentAnalysis';
import { registerForServedLanguages, syntaxOf } from '../../shared/documentLanguages';
import { checkDocument } from './checkRuns';
import { bibFindingMessage } from './findingMessages';

export function registerBibHover(service: AtlasService): vscode.Disposable {
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (isInside(nonProseOf(document), document.offsetAt(position))) {
        return undefined;
      }
      const atlas = await service.atlas();
      const lines = { lineCount: document.lineCount, lineText: (line: number) => document.lineAt(line).text };
      const target = hoverTargetAt(lines, position.line, position.character, syntaxOf(document), atlas.matcher);
      if (target?.kind !== 'citation') {
        return undefined;
      }
      const run = await checkDocument(service, document);
      const key = target.key.toLowerCase();
      for (const bib of run.bibs) {
        const entryIndex = bib.bib.entries.findIndex((e) => e.key.toLowerCase() === key);
        if (entryIndex < 0) {
          continue;
        }
        const findings = bib.check.findings.filter((f) => f.entryIndex === entryIndex);
        if (findings.length === 0 || token.isCancellationRequested) {
          return undefined;
        }
        const file = vscode.workspace.asRelativePath(bib.uri, false);
        const markdown = new vscode.MarkdownString(
          `$(warning) ${escapeMarkdown(vscode.l10n.t('Check Bibliography: the entry {0} in {1}', target.key, file))}\n\n` +
            findings.map((f) => `- ${escapeMarkdown(bibFindingMessage(f, atlas))} (\`${f.code}\`)`).join('\n'),
        );
        markdown.supportThemeIcons = true;
        return new vscode.Hover(markdown, new vscode.Range(target.line, target.start, target.line, target.end));
      }
      return undefined;
    },
  };
  return registerForServedLanguages((selector) => vscode.languages.registerHoverProvider(selector, provider));
}
