// `npm run eval:realworld`, inside a real VS Code: hovers every annotated position of the real documents
// (test/realworld/annotations.tsv) and writes what each showed, for test/harness/runRealworld.js to score.
import * as fs from 'fs';
import * as vscode from 'vscode';

interface Annotation {
  document: string;
  line: number;
  column: number;
  /** An atlas model id, or "none". */
  expected: string;
  note: string;
}

export interface Observation extends Annotation {
  /** The model whose card the hover showed, or "none". */
  shown: string;
}

function readAnnotations(file: string): Annotation[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [document, lineNumber, column, expected, note = ''] = line.split('\t');
      return { document, line: Number(lineNumber), column: Number(column), expected, note };
    });
}

/** The model of our card in a hover: its Insert Citation link carries the id. */
function cardModel(hovers: vscode.Hover[]): string {
  for (const hover of hovers) {
    for (const content of hover.contents) {
      const value = typeof content === 'string' ? content : content.value;
      const link = /command:modelAtlas\.insertCitation\?([^)\s]+)/.exec(value);
      if (link) {
        // The link cites the hovered mention: its argument is { modelId, mention } (an id alone elsewhere).
        const [arg] = JSON.parse(decodeURIComponent(link[1])) as Array<string | { modelId: string }>;
        return typeof arg === 'string' ? arg : arg.modelId;
      }
    }
  }
  return 'none';
}

/** R Markdown opens as Markdown where no R extension is installed, as a reader without one would see it. */
async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  return /\.rmd$/i.test(uri.path) && document.languageId !== 'rmd' ? vscode.languages.setTextDocumentLanguage(document, 'markdown') : document;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.ATLAS_REALWORLD_RESULTS as string;
  const write = (value: unknown) => {
    fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(value));
    fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  };
  try {
    const extension = vscode.extensions.getExtension('model-atlas.multimodal-model-atlas');
    await extension?.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      throw new Error('the real documents are not open as the workspace');
    }
    const annotations = readAnnotations(process.env.ATLAS_REALWORLD_ANNOTATIONS as string);
    const observations: Observation[] = [];
    for (const document of [...new Set(annotations.map((a) => a.document))]) {
      const opened = await open(vscode.Uri.joinPath(folder.uri, ...document.split('/')));
      await vscode.window.showTextDocument(opened);
      for (const annotation of annotations.filter((a) => a.document === document)) {
        const position = new vscode.Position(annotation.line - 1, annotation.column - 1);
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', opened.uri, position)) ?? [];
        observations.push({ ...annotation, shown: cardModel(hovers) });
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    write({ observations });
  } catch (error) {
    write({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
}
