// Dataset problems in the user's language. The core names each problem with a code and its values.
import * as vscode from 'vscode';
import type { DatasetProblem } from '../../core/userAtlas/mergeAtlas';

export function problemMessage(problem: DatasetProblem): string {
  const [a = '', b = ''] = problem.args;
  switch (problem.code) {
    case 'yaml-syntax':
      return vscode.l10n.t('YAML syntax error: {0}', a);
    case 'not-an-entry':
      return vscode.l10n.t('An atlas entry must be a mapping of fields (id, name, paper, ...).');
    case 'schema':
      return schemaMessage(problem.keyword ?? '', a, b);
    case 'duplicate-id':
      return vscode.l10n.t("Duplicate id '{0}': another user atlas entry already defines it.", a);
    case 'duplicate-name':
      return vscode.l10n.t("'{0}' is already a name or alias of '{1}'.", a, b);
    case 'duplicate-key':
      return vscode.l10n.t("Citation key '{0}' is already used by '{1}'.", a, b);
    case 'entry-key-mismatch':
      return vscode.l10n.t("The BibTeX entry's key '{0}' differs from bibtex.key '{1}'.", a, b);
    case 'unknown-lineage':
      return vscode.l10n.t("Lineage links to '{0}', which the atlas does not have; the link is left out until it does.", a);
    case 'placeholder':
      return vscode.l10n.t('{0} still holds a TODO placeholder: until every one is replaced, {1} is not cited, exported or listed first.', a, b);
    case 'self-lineage':
      return vscode.l10n.t('A model cannot build on itself.');
    case 'unknown-component':
      return vscode.l10n.t("Connection '{0}' names unknown component '{1}'.", a, b);
    case 'arxiv-month':
      return vscode.l10n.t('arXiv id {0} does not match the first-submission month {1}.', a, b);
    case 'invalid-date':
      return vscode.l10n.t("'{0}' is not a valid date.", a);
  }
}

function schemaMessage(keyword: string, detail: string, where: string): string {
  const field = where || vscode.l10n.t('the entry');
  switch (keyword) {
    case 'required':
      return vscode.l10n.t("Missing required field '{0}' in {1}.", detail, field);
    case 'additionalProperties':
      return vscode.l10n.t("Unknown field '{0}' in {1}.", detail, field);
    case 'enum':
      return vscode.l10n.t('{0} must be one of: {1}.', field, detail);
    case 'pattern':
      return vscode.l10n.t('{0} does not have the expected form ({1}).', field, detail);
    case 'type':
      return vscode.l10n.t('{0} must be of type {1}.', field, detail);
    case 'minItems':
      return vscode.l10n.t('{0} needs at least {1} item(s).', field, detail);
    case 'minLength':
      return vscode.l10n.t('{0} needs at least {1} character(s).', field, detail);
    case 'maxLength':
      return vscode.l10n.t('{0} may have at most {1} characters.', field, detail);
    case 'uniqueItems':
      return vscode.l10n.t('{0} lists the same item twice.', field);
    default:
      return vscode.l10n.t('{0} does not match the atlas schema: {1}', field, detail);
  }
}
