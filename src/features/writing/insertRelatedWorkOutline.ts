// Model Atlas: Insert Related-Work Outline... — the chosen models grouped by family or architecture type,
// one cited line each with what the entry says it introduced, for the writer to turn into prose.
import * as vscode from 'vscode';
import { headingLevelBelow, placeBlock } from '../../core/writing/blockPlacement';
import { outlineGroupTitle } from '../../core/writing/documentLabels';
import { insertedLanguage, withLanguageNote } from '../../core/writing/insertedLanguage';
import { buildRelatedWorkOutline } from '../../core/writing/relatedWorkOutline';
import type { AtlasService } from '../../shared/atlasService';
import { insertWithCitations } from '../../shared/citingEdit';
import { citationStyleOf, nonProseOf } from '../../shared/documentAnalysis';
import { fileOf, settingsScope } from '../../shared/notebookCells';
import { settings, uiLanguage } from '../../shared/settings';
import { chooseGrouping, chooseModels, writingArguments, writingEditor, writingSyntax } from './writingChoices';

export function registerInsertRelatedWorkOutline(service: AtlasService, memento: vscode.Memento): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.insertRelatedWorkOutline', async (target?: unknown, selection?: unknown) => {
    const editor = writingEditor();
    if (!editor) {
      return false;
    }
    const models = await chooseModels(service, editor.document, vscode.l10n.t('Insert Related-Work Outline'), target, selection);
    if (models.length === 0) {
      return false;
    }
    const groupBy = await chooseGrouping(memento, writingArguments(target)?.groupBy);
    if (!groupBy) {
      return false;
    }
    const document = editor.document;
    const syntax = writingSyntax(document);
    const atlas = await service.atlas();
    return insertWithCitations(editor, models, (keys) => {
      const text = document.getText();
      const offset = document.offsetAt(editor.selection.active);
      const inserted = insertedLanguage(settings.displayLanguageSetting(settingsScope(document)), uiLanguage(), text, syntax);
      const language = inserted.language;
      const outline = buildRelatedWorkOutline(
        models.map((model, i) => ({ model, key: keys[i] })),
        {
          syntax,
          groupBy,
          groupTitle: outlineGroupTitle(groupBy, language, (family) => atlas.familyName(family)),
          language,
          latexCommand: citationStyleOf(document).latexCommand,
          // Typst groups are headings; Markdown's are bold labels, LaTeX's \paragraph{}s.
          headingLevel: syntax === 'typst' ? headingLevelBelow(text, offset, nonProseOf(document), true) : undefined,
        },
      );
      return placeBlock(text, offset, withLanguageNote(outline, inserted), nonProseOf(document), syntax === 'typst');
    });
  });
}
