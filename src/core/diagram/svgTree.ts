// A tiny SVG element tree: the diagram code builds one, the extension serializes it to text (escaped),
// and the webview turns it into DOM nodes with createElementNS and textContent, never by parsing markup.

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  /** Text content; only for leaf elements such as text, tspan and title. */
  text?: string;
}

export function el(tag: string, attrs: Record<string, string | number> = {}, children: SvgNode[] = [], text?: string): SvgNode {
  return text === undefined ? { tag, attrs, children } : { tag, attrs, children, text };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

export function serializeSvg(node: SvgNode): string {
  if (!NAME.test(node.tag)) {
    throw new Error(`Not an SVG element name: ${node.tag}`);
  }
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => {
      if (!NAME.test(name)) {
        throw new Error(`Not an attribute name: ${name}`);
      }
      return ` ${name}="${escapeXml(String(value))}"`;
    })
    .join('');
  const inner = (node.text !== undefined ? escapeXml(node.text) : '') + (node.children ?? []).map(serializeSvg).join('');
  return inner === '' ? `<${node.tag}${attrs}/>` : `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}
