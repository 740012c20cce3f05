// A markdown-it plugin for VS Code's Markdown preview: the mentions the hover shows (decided over the whole
// source, as In This Document counts them) become links to the paper with its title as tooltip.
import * as vscode from 'vscode';
import { paperUrl } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { nonProseRanges } from '../../core/documents/documentRegions';
import { lineStarts } from '../../core/documents/textLines';
import { documentMentions, mentionRules } from '../../core/mentions/documentMentions';
import type { Mention } from '../../core/mentions/mentions';
import { safeHttpsUrl } from '../../core/presentation/markdown';
import type { AtlasService } from '../../shared/atlasService';
import { documentMentionsNow } from '../../shared/documentAnalysis';
import { settings } from '../../shared/settings';

interface Token {
  type: string;
  content: string;
  map: [number, number] | null;
  children: Token[] | null;
  attrs: Array<[string, string]> | null;
  attrSet(name: string, value: string): void;
}

type TokenClass = new (type: string, tag: string, nesting: number) => Token;

interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { src: string; env: unknown; tokens: Token[]; Token: TokenClass }) => void): void } };
}

export const MENTION_CLASS = 'model-atlas-mention';

export function markdownItPlugin(service: AtlasService): (md: MarkdownIt) => MarkdownIt {
  return (md) => {
    md.core.ruler.push('model_atlas_mentions', (state) => {
      if (!settings.previewMentions()) {
        return;
      }
      const atlas = service.loaded;
      if (!atlas) {
        // markdown-it renders synchronously: read the atlas now and render again once it is there.
        void service.atlas().then(() => vscode.commands.executeCommand('markdown.preview.refresh'));
        return;
      }
      const mentions = mentionsIn(atlas, state.src, state.env);
      if (mentions.length === 0) {
        return;
      }
      const starts = lineStarts(state.src);
      for (const block of state.tokens) {
        if (block.type === 'inline' && block.children && block.map) {
          // Where the block's own text starts in the source; a block whose text was rewritten (a list item's,
          // a quote's) is not found, and its mentions stay unlinked rather than guessed.
          const at = state.src.indexOf(block.content, starts[block.map[0]] ?? 0);
          if (at >= 0) {
            block.children = linkMentions(block.children, atlas, state.src, at, at + block.content.length, mentions, state.Token);
          }
        }
      }
    });
    return md;
  };
}

/** The document's mentions: the editor's own decision when the preview shows an open document's text, else one made here. */
function mentionsIn(atlas: AtlasIndex, src: string, env: unknown): readonly Mention[] {
  const current = (env as { currentDocument?: vscode.Uri } | undefined)?.currentDocument;
  const document = current && vscode.workspace.textDocuments.find((d) => d.uri.toString() === current.toString());
  if (document && document.getText() === src) {
    return documentMentionsNow(document, atlas).mentions;
  }
  return documentMentions(src, atlas.matcher.find(src), nonProseRanges(src, 'pandoc'), mentionRules(atlas, 'pandoc', [])).mentions;
}

function linkMentions(children: Token[], atlas: AtlasIndex, src: string, from: number, to: number, mentions: readonly Mention[], TokenClass: TokenClass): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  let cursor = from;
  for (const token of children) {
    if (token.type === 'link_open') {
      linkDepth++;
    } else if (token.type === 'link_close') {
      linkDepth--;
    }
    const at = token.type === 'text' && token.content !== '' ? src.indexOf(token.content, cursor) : -1;
    if (at < 0 || at + token.content.length > to) {
      out.push(token);
      continue;
    }
    cursor = at + token.content.length;
    if (linkDepth > 0) {
      out.push(token);
      continue;
    }
    let last = 0;
    for (let i = firstStartingAtOrAfter(mentions, at); i < mentions.length && mentions[i].start < cursor; i++) {
      const mention = mentions[i];
      if (mention.end > cursor) {
        continue;
      }
      const model = atlas.get(mention.modelId);
      const href = safeHttpsUrl(paperUrl(model));
      if (!href) {
        continue;
      }
      out.push(textToken(TokenClass, token.content.slice(last, mention.start - at)));
      const open = new TokenClass('link_open', 'a', 1);
      open.attrSet('href', href);
      open.attrSet('title', model.paper.title);
      open.attrSet('class', MENTION_CLASS);
      out.push(open, textToken(TokenClass, token.content.slice(mention.start - at, mention.end - at)), new TokenClass('link_close', 'a', -1));
      last = mention.end - at;
    }
    out.push(last === 0 ? token : textToken(TokenClass, token.content.slice(last)));
  }
  return out;
}

/** The index of the first of the sorted `mentions` that starts at or after `offset`. */
function firstStartingAtOrAfter(mentions: readonly Mention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].start < offset) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

function textToken(TokenClass: TokenClass, content: string): Token {
  const token = new TokenClass('text', '', 0);
  token.content = content;
  return token;
}
