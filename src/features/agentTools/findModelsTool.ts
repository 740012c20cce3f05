// modelAtlas_findModels: the atlas models matching a name, alias, checkpoint, year, organisation or
// architecture, with their key facts.
import * as vscode from 'vscode';
import { describeModel, findModels, type ModelQuery } from '../../core/agentTools/modelSearch';
import type { AtlasService } from '../../shared/atlasService';
import { textResult } from './agentTools';

export function findModelsTool(service: AtlasService): vscode.LanguageModelTool<ModelQuery> {
  return {
    prepareInvocation(options) {
      const what = [options.input.query, options.input.organization, options.input.architecture, options.input.year].filter((v) => v !== undefined && v !== '').join(', ');
      return { invocationMessage: what ? vscode.l10n.t('Looking up {0} in the Model Atlas', what) : vscode.l10n.t('Listing the Model Atlas') };
    },
    async invoke(options) {
      const atlas = await service.atlas();
      const { models, total } = findModels(atlas, options.input ?? {});
      if (models.length === 0) {
        return textResult(`No model in the Model Atlas (${atlas.size} verified vision-language and multimodal models) matches ${JSON.stringify(options.input)}. Try a shorter name or fewer criteria.`);
      }
      const head = total > models.length ? `${total} models match; the first ${models.length}:` : `${total} model${total === 1 ? '' : 's'} match:`;
      return textResult(`${head}\n\n${models.map(describeModel).join('\n\n')}\n\nCite a model with modelAtlas_getCitation: it gives the key the document's bibliography already uses.`);
    },
  };
}
