// New Model Entry (pre-filled with a name, an arXiv id or a document's own .bib entry) and Add Paper from
// arXiv: both write into a user atlas file and open the new entry; an argument object runs them without prompts.
import * as vscode from 'vscode';
import { readArxivFeed, type ArxivPaper } from '../../core/arxiv/arxivFeed';
import { arxivQueryUrl, parseArxivInput } from '../../core/arxiv/arxivId';
import type { AtlasModel } from '../../core/atlas/atlas';
import { arxivIdsOf } from '../../core/bibtex/match';
import { parseBibtex } from '../../core/bibtex/parse';
import { schemaIssues } from '../../core/userAtlas/entryValidation';
import { entryFromBib, importedEntry, nameFromTitle, scaffoldEntry, scaffoldForArxiv, type TakenNames } from '../../core/userAtlas/newEntries';
import type { AtlasService } from '../../shared/atlasService';
import { loadBibliographies } from '../../shared/bibliography/parsedBibs';
import { uriFromArgument } from '../../shared/modelArguments';
import { settings } from '../../shared/settings';
import type { LoadUserAtlasTools } from '../../userAtlasToolsLoader';
import { requestArxiv, type ArxivResponse } from './arxivRequest';
import { pickAtlasFile, revealEntry, writeEntry } from './atlasFileTarget';
import type { UserDatasets } from './registerUserDatasets';
import { registerUnknownModelAction } from './unknownModelAction';

export type EntryCommandResult =
  | { ok: true; modelId: string; file: string }
  | { ok: false; reason: FailureReason; message: string; offers?: readonly EntryOffer[] };

/** What a failure offers to do instead (a button on its message): arXiv out of reach, write the entry without it. */
export interface EntryOffer {
  title: string;
  run(): Promise<EntryCommandResult>;
}

type FailureReason =
  | 'cancelled'
  | 'malformed-id'
  | 'already-present'
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'http-error'
  | 'not-found'
  | 'api-error'
  | 'bad-response'
  | 'write-failed'
  | 'no-bib-entry'
  | 'untrusted';

interface AddPaperArgs {
  /** An arXiv id or URL. */
  id?: string;
  name?: string;
  file?: string | vscode.Uri;
}

export interface NewEntryArgs {
  name?: string;
  file?: string | vscode.Uri;
  /** Pre-fill the paper's arXiv id (arXiv itself out of reach). */
  arxiv?: string;
  /** Pre-fill from the entry `key` of the .bib file `bib` (a document's own). */
  fromBib?: { bib: string | vscode.Uri; key: string };
}

export function registerAtlasEntryCommands(service: AtlasService, datasets: UserDatasets, loadTools: LoadUserAtlasTools): vscode.Disposable {
  const target: EntryTarget = { datasets, loadTools };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('modelAtlas.newModelEntry', (args?: NewEntryArgs) => report(whenTrusted(() => newModelEntry(service, target, args ?? {})))),
    vscode.commands.registerCommand('modelAtlas.addPaperFromArxiv', (args?: AddPaperArgs) => report(whenTrusted(() => addPaper(service, target, args ?? {})))),
    registerUnknownModelAction(service),
  );
}

/** Where new entries go: the user's atlas files, read and written with the lazily loaded tools. */
interface EntryTarget {
  datasets: UserDatasets;
  loadTools: LoadUserAtlasTools;
}

/**
 * In Restricted Mode the workspace's atlas files are not read (registerUserDatasets), so an entry written
 * there would not appear: both commands say so instead of asking, fetching and writing for nothing. Their
 * menu items are disabled there too (`enablement` in package.json); this covers calls from other code.
 */
async function whenTrusted(run: () => Promise<EntryCommandResult>): Promise<EntryCommandResult> {
  if (!vscode.workspace.isTrusted) {
    return failure('untrusted', vscode.l10n.t('Trust this workspace to add models to its atlas files: in Restricted Mode they are not read.'));
  }
  return run();
}

/** Shows failures (not cancellations), with what they offer instead, without waiting for the message to be dismissed. */
async function report(pending: Promise<EntryCommandResult>): Promise<EntryCommandResult> {
  const result = await pending;
  if (!result.ok && result.reason !== 'cancelled') {
    const offers = result.offers ?? [];
    void vscode.window.showErrorMessage(result.message, ...offers.map((o) => o.title)).then((chosen) => {
      const offer = offers.find((o) => o.title === chosen);
      return offer && report(offer.run());
    });
  }
  return result;
}

async function newModelEntry(service: AtlasService, target: EntryTarget, args: NewEntryArgs): Promise<EntryCommandResult> {
  const name =
    args.name ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New Model Entry'),
      prompt: args.arxiv ? vscode.l10n.t('The model name for arXiv {0}', args.arxiv) : vscode.l10n.t('The model name as its authors write it, e.g. BLIP-2'),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter a name.')),
    }));
  if (!name?.trim()) {
    return cancelled();
  }
  const taken = await takenNames(service);
  let entry: AtlasModel;
  if (args.fromBib) {
    const found = await bibEntry(args.fromBib.bib, args.fromBib.key);
    if ('reason' in found) {
      return found;
    }
    entry = entryFromBib(found.entry, found.text, found.name, name.trim(), taken);
  } else {
    entry = args.arxiv && parseArxivInput(args.arxiv) ? scaffoldForArxiv(name.trim(), parseArxivInput(args.arxiv)!, taken) : scaffoldEntry(name.trim(), today(), taken);
  }
  return write(target, entry, args.file, vscode.l10n.t('Added {0}. Replace the TODO fields with the paper\'s facts.', entry.name));
}

/** The entry `key` of the .bib file `file`, with the file's text and name. */
async function bibEntry(file: string | vscode.Uri, key: string) {
  const uri = uriFromArgument(file);
  const document = uri && (await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined));
  const text = document?.getText() ?? '';
  const entry = parseBibtex(text).entries.find((e) => e.key.toLowerCase() === key.toLowerCase());
  if (!uri || !entry) {
    return failure('no-bib-entry', vscode.l10n.t('{0} holds no entry {1}.', uri ? vscode.workspace.asRelativePath(uri) : String(file), key));
  }
  return { entry, text, name: vscode.workspace.asRelativePath(uri) };
}

async function addPaper(service: AtlasService, target: EntryTarget, args: AddPaperArgs): Promise<EntryCommandResult> {
  const input =
    args.id ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Add Paper from arXiv'),
      prompt: vscode.l10n.t('An arXiv id or URL, e.g. 2301.12597 or https://arxiv.org/abs/2301.12597'),
      validateInput: (value) => (parseArxivInput(value) || !value.trim() ? undefined : malformedMessage(value)),
    }));
  if (input === undefined || !input.trim()) {
    return cancelled();
  }
  const id = parseArxivInput(input);
  if (!id) {
    return failure('malformed-id', malformedMessage(input));
  }
  const present = (await service.atlas()).models.find((m) => m.paper.arxiv === id);
  if (present) {
    return failure('already-present', vscode.l10n.t('arXiv {0} is already in the atlas as {1}.', id, present.name));
  }

  const baseUrl = settings.arxivApiUrl();
  const timeoutMs = settings.arxivTimeoutMs();
  const response = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Fetching arXiv {0}...', id), cancellable: true },
    (_progress, token) => requestArxiv(arxivQueryUrl(baseUrl, id), { timeoutMs, cancel: token }),
  );
  const paper = paperFrom(response, id, timeoutMs);
  if ('reason' in paper) {
    // Out of reach: the id need not be lost; the entry can be written from what is known.
    return paper.reason === 'network' || paper.reason === 'timeout' ? { ...paper, offers: await offlineOffers(service, target, args, id) } : paper;
  }

  const name =
    args.name ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Add Paper from arXiv'),
      prompt: vscode.l10n.t('The model name for "{0}"', paper.title),
      value: nameFromTitle(paper.title),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter a name.')),
    }));
  if (!name?.trim()) {
    return cancelled();
  }
  const entry = importedEntry(paper, name.trim(), await takenNames(service));
  return write(target, entry, args.file, vscode.l10n.t('Added {0} from arXiv {1}. Complete its aliases, summary and architecture.', entry.name, id));
}

/** New Model Entry with the id, and the import of the active document's own .bib entry for it where it has one. */
async function offlineOffers(service: AtlasService, target: EntryTarget, args: AddPaperArgs, id: string): Promise<EntryOffer[]> {
  const offers: EntryOffer[] = [{ title: vscode.l10n.t('New Model Entry for {0}', id), run: () => newModelEntry(service, target, { name: args.name, file: args.file, arxiv: id }) }];
  const document = vscode.window.activeTextEditor?.document;
  for (const { uri, bib } of document ? await loadBibliographies(document) : []) {
    const entry = bib?.entries.find((e) => arxivIdsOf(e).has(id));
    if (entry) {
      const title = vscode.l10n.t('Import {0} from {1}', entry.key, vscode.workspace.asRelativePath(uri));
      const name = args.name ?? nameFromTitle((entry.fields.title ?? entry.key).replace(/[{}]/g, ''));
      offers.push({ title, run: () => newModelEntry(service, target, { name, file: args.file, fromBib: { bib: uri, key: entry.key } }) });
      break;
    }
  }
  return offers;
}

function paperFrom(response: ArxivResponse, id: string, timeoutMs: number): ArxivPaper | EntryCommandResult & { ok: false } {
  switch (response.kind) {
    case 'cancelled':
      return cancelled();
    case 'timeout':
      return failure('timeout', vscode.l10n.t('arXiv did not answer within {0} seconds. Try again later, or raise modelAtlas.arxiv.timeoutSeconds.', timeoutMs / 1000));
    case 'network':
      return failure('network', vscode.l10n.t('Could not reach arXiv ({0}). Check your connection or the modelAtlas.arxiv.apiUrl setting.', response.detail));
    case 'rate-limited':
      return failure(
        'rate-limited',
        response.retryAfterSeconds
          ? vscode.l10n.t('arXiv is limiting requests; try again in {0} seconds.', response.retryAfterSeconds)
          : vscode.l10n.t('arXiv is limiting requests; try again in a minute.'),
      );
    case 'http-error':
      return failure('http-error', vscode.l10n.t('arXiv answered with HTTP status {0}.', response.status));
    case 'ok':
      break;
  }
  const feed = readArxivFeed(response.body, id);
  switch (feed.kind) {
    case 'paper':
      return feed.paper;
    case 'not-found':
      return failure('not-found', vscode.l10n.t('arXiv has no paper with id {0}.', id));
    case 'api-error':
      return failure('api-error', vscode.l10n.t('arXiv refused the request: {0}', feed.message));
    case 'malformed':
      return failure('bad-response', vscode.l10n.t('arXiv sent an answer that could not be read ({0}).', feed.message));
  }
}

async function write(target: EntryTarget, entry: AtlasModel, fileArg: string | vscode.Uri | undefined, done: string): Promise<EntryCommandResult> {
  const { datasets } = target;
  const tools = await target.loadTools();
  const issues = schemaIssues(tools.validate, entry);
  if (issues.length > 0) {
    return failure('write-failed', vscode.l10n.t('The new entry does not match the atlas schema ({0}); nothing was written.', issues[0].message));
  }
  const uri = fileArg !== undefined ? uriFromArgument(fileArg) : await pickAtlasFile(datasets.files());
  if (!uri) {
    return fileArg !== undefined ? failure('write-failed', vscode.l10n.t('Open a folder first: the entry goes into a file of the workspace.')) : cancelled();
  }
  const written = await writeEntry(uri, entry, tools.appendEntry);
  if (!written.ok) {
    return failure('write-failed', written.message);
  }
  await datasets.reload();
  await revealEntry(uri, written.line);
  void vscode.window.showInformationMessage(done);
  return { ok: true, modelId: entry.id, file: uri.toString() };
}

async function takenNames(service: AtlasService): Promise<TakenNames> {
  const models = [...(await service.bundled()), ...(await service.atlas()).models];
  return { ids: new Set(models.map((m) => m.id)), keys: new Set(models.map((m) => m.bibtex.key.toLowerCase())) };
}

function malformedMessage(input: string): string {
  return vscode.l10n.t('"{0}" is not an arXiv id or URL; expected e.g. 2301.12597 or https://arxiv.org/abs/2301.12597.', input.trim());
}

function failure(reason: FailureReason, message: string): EntryCommandResult & { ok: false } {
  return { ok: false, reason, message };
}

function cancelled(): EntryCommandResult & { ok: false } {
  return failure('cancelled', '');
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
