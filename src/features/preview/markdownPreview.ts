// A markdown-it plugin for VS Code's Markdown preview: mentions in prose become links to the paper with its
// title as tooltip; code and existing links are left alone.
import * as vscode from 'vscode';
import { paperUrl } from '../../core/atlas/atlas';
import type { AtlasIndex } from '../../core/atlas/atlasIndex';
import { safeHttpsUrl } from '../../core/presentation/markdown';
import type { AtlasService } from '../../shared/atlasService';
import { settings } from '../../shared/settings';

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
  attrs: Array<[string, string]> | null;
  attrSet(name: string, value: string): void;
}

interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { tokens: Token[]; Token: new (type: string, tag: string, nesting: number) => Token }) => void): void } };
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
      for (const block of state.tokens) {
        if (block.type === 'inline' && block.children) {
          block.children = linkMentions(block.children, atlas, state.Token);
        }
      }
    });
    return md;
  };
}

function linkMentions(children: Token[], atlas: AtlasIndex, TokenClass: new (type: string, tag: string, nesting: number) => Token): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  for (const token of children) {
    if (token.type === 'link_open') {
      linkDepth++;
    } else if (token.type === 'link_close') {
      linkDepth--;
    }
    if (token.type !== 'text' || linkDepth > 0) {
      out.push(token);
      continue;
    }
    const text = token.content;
    let last = 0;
    for (const mention of atlas.matcher.find(text)) {
      const model = atlas.get(mention.modelId);
      const href = safeHttpsUrl(paperUrl(model));
      if (!href) {
        continue;
      }
      out.push(textToken(TokenClass, text.slice(last, mention.start)));
      const open = new TokenClass('link_open', 'a', 1);
      open.attrSet('href', href);
      open.attrSet('title', model.paper.title);
      open.attrSet('class', MENTION_CLASS);
      out.push(open, textToken(TokenClass, mention.text), new TokenClass('link_close', 'a', -1));
      last = mention.end;
    }
    out.push(last === 0 ? token : textToken(TokenClass, text.slice(last)));
  }
  return out;
}

function textToken(TokenClass: new (type: string, tag: string, nesting: number) => Token, content: string): Token {
  const token = new TokenClass('text', '', 0);
  token.content = content;
  return token;
}
