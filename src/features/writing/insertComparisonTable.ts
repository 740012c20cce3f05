// Model Atlas: Insert Comparison Table... — a table of the chosen models (rows, each citing its paper) and
// columns, in the document's syntax, set off at the cursor; the .bib is kept in step as Insert Citation does.
import * as vscode from 'vscode';
import { loadsLatexPackage } from '../../core/documents/latexSource';
import { placeBlock } from '../../core/writing/blockPlacement';
import { buildComparisonTable, TABLE_PACKAGES } from '../../core/writing/comparisonTable';
import { comparisonTableLabels } from '../../core/writing/documentLabels';
import { insertedLanguage, withLanguageNote } from '../../core/writing/insertedLanguage';
import type { AtlasService } from '../../shared/atlasService';
import { insertWithCitations } from '../../shared/citingEdit';
import { citationStyleOf, nonProseOf } from '../../shared/documentAnalysis';
import { fileOf, settingsScope } from '../../shared/notebookCells';
import { settings, uiLanguage } from '../../shared/settings';
import { chooseColumns, chooseModels, writingArguments, writingEditor, writingSyntax } from './writingChoices';

export function registerInsertComparisonTable(service: AtlasService, memento: vscode.Memento): vscode.Disposable {
  return vscode.commands.registerCommand('modelAtlas.insertComparisonTable', async (target?: unknown, selection?: unknown) => {
    const editor = writingEditor();
    if (!editor) {
      return false;
    }
    const models = await chooseModels(service, editor.document, vscode.l10n.t('Insert Comparison Table'), target, selection);
    if (models.length === 0) {
      return false;
    }
    const columns = await chooseColumns(memento, writingArguments(target)?.columns);
    if (!columns) {
      return false;
    }
    const document = editor.document;
    const syntax = writingSyntax(document);
    return insertWithCitations(editor, models, (keys) => {
      const text = document.getText();
      const rows = models.map((model, i) => ({ model, key: keys[i] }));
      const inserted = insertedLanguage(settings.displayLanguageSetting(settingsScope(document)), uiLanguage(), text, syntax);
      const table = buildComparisonTable(rows, columns, {
        syntax,
        labels: comparisonTableLabels(inserted.language),
        latexCommand: citationStyleOf(document).latexCommand,
        loadedPackages: TABLE_PACKAGES.filter((name) => syntax === 'latex' && loadsLatexPackage(text, name)),
      });
      return placeBlock(text, document.offsetAt(editor.selection.active), withLanguageNote(table, inserted), nonProseOf(document), syntax === 'typst');
    });
  });
}
