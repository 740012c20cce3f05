// Hover cards in code (Python files, notebooks' code cells, YAML, JSON, TOML): on the checkpoint ids and
// `transformers` class names the atlas records, and on model names in comments and docstrings.
import * as vscode from 'vscode';
import { codeModelAt } from '../../core/code/codeHover';
import { hoverCardMarkdown } from '../../core/presentation/hoverCard';
import type { AtlasService } from '../../shared/atlasService';
import { codeProseOf } from '../../shared/documentAnalysis';
import { codeSelector } from '../../shared/documentLanguages';
import { cardMarkdown, CODE_CARD_COMMANDS, hoverCardLabels } from '../../shared/labels/hoverCardLabels';
import { settings } from '../../shared/settings';

export function registerCodeHover(service: AtlasService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(codeSelector(), {
    async provideHover(document, position) {
      const atlas = await service.atlas();
      const line = document.lineAt(position.line);
      const hit = codeModelAt({
        lineText: line.text,
        line: position.line,
        character: position.character,
        lineOffset: document.offsetAt(line.range.start),
        prose: codeProseOf(document),
        atlas,
      });
      if (!hit) {
        return undefined;
      }
      const value = hoverCardMarkdown(hit.model, atlas, { language: settings.displayLanguage(), labels: hoverCardLabels(CODE_CARD_COMMANDS) });
      return new vscode.Hover(cardMarkdown(value), new vscode.Range(hit.line, hit.start, hit.line, hit.end));
    },
  });
}
