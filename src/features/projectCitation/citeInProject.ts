// Model Atlas: Cite in Project — from code (a checkpoint id, a class name, a model named in a comment) or a
// hover card: the model's paper appended to the project's references (projectReferences), saying where.
import * as vscode from 'vscode';
import type { AtlasModel } from '../../core/atlas/atlas';
import { codeModelAt } from '../../core/code/codeHover';
import type { AtlasService } from '../../shared/atlasService';
import { codeProseOf } from '../../shared/documentAnalysis';
import { codeSelector } from '../../shared/documentLanguages';
import { resolveModel, uriFromArgument } from '../../shared/modelArguments';
import { citeInReferences, findProjectReferences, type ProjectReferences } from './projectReferences';

export const CITE_IN_PROJECT = 'modelAtlas.citeInProject';
const CITE_KIND = vscode.CodeActionKind.Empty.append('modelAtlas').append('citeInProject');

/** What the command reports: the file it wrote to (workspace-relative), whether it added, and the key. */
export interface CiteInProjectResult {
  file: string;
  added: boolean;
  key?: string;
}

export function registerCiteInProject(service: AtlasService): vscode.Disposable {
  const actions: vscode.CodeActionProvider = {
    async provideCodeActions(document, range) {
      const line = document.lineAt(range.start.line);
      const hit = codeModelAt({
        lineText: line.text,
        line: range.start.line,
        character: range.start.character,
        lineOffset: document.offsetAt(line.range.start),
        prose: codeProseOf(document),
        atlas: await service.atlas(),
      });
      if (!hit) {
        return [];
      }
      const action = new vscode.CodeAction(vscode.l10n.t('Cite {0} in the project', hit.model.name), CITE_KIND);
      action.command = { title: action.title, command: CITE_IN_PROJECT, arguments: [hit.model.id, document.uri] };
      return [action];
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(codeSelector(), actions, { providedCodeActionKinds: [CITE_KIND] }),
    vscode.commands.registerCommand(CITE_IN_PROJECT, async (modelArg?: unknown, originArg?: unknown) => {
      const model = await resolveModel(service, modelArg);
      const origin = fileOf(uriFromArgument(originArg) ?? vscode.window.activeTextEditor?.document.uri);
      if (!model) {
        return undefined;
      }
      if (!origin) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a file of the project to cite a model in it.'));
        return undefined;
      }
      const target = await chooseTarget(origin);
      return target ? cite(target, model) : undefined;
    }),
  );
}

/** A notebook cell's document stands for its notebook file. */
function fileOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri?.scheme !== 'vscode-notebook-cell') {
    return uri;
  }
  return vscode.workspace.notebookDocuments.find((n) => n.uri.path === uri.path)?.uri ?? uri.with({ scheme: 'file', fragment: '' });
}

async function chooseTarget(origin: vscode.Uri): Promise<ProjectReferences | undefined> {
  const found = await findProjectReferences(origin);
  if (Array.isArray(found)) {
    const picked = await vscode.window.showQuickPick(
      found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: vscode.l10n.t('Which .bib holds the project\'s references?') },
    );
    return picked && { uri: picked.uri, format: 'bibtex' };
  }
  if (found) {
    return found;
  }
  const folder = vscode.workspace.getWorkspaceFolder(origin)?.uri ?? vscode.Uri.joinPath(origin, '..');
  const create = vscode.l10n.t('Create references.bib');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('This project has no references yet (a .bib, a CITATION.cff or a README with a Citation section). Create references.bib in {0}?', vscode.workspace.asRelativePath(folder)),
    create,
  );
  return answer === create ? { uri: vscode.Uri.joinPath(folder, 'references.bib'), format: 'bibtex' } : undefined;
}

async function cite(target: ProjectReferences, model: AtlasModel): Promise<CiteInProjectResult | undefined> {
  const result = await citeInReferences(target, model);
  const file = vscode.workspace.asRelativePath(target.uri);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const { added, key } = result;
  const message =
    key === undefined
      ? added
        ? vscode.l10n.t('{0} is now in the references of {1}.', model.name, file)
        : vscode.l10n.t('{1} already lists {0} in its references.', model.name, file)
      : added
        ? vscode.l10n.t('{0} is now cited in {1} as {2}.', model.name, file, key)
        : vscode.l10n.t('{1} already cites {0} as {2}.', model.name, file, key);
  void vscode.window.showInformationMessage(message);
  return { file, added, ...(key ? { key } : {}) };
}
