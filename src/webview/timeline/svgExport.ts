// Serializes the canvas as a self-contained SVG file: every theme variable resolved to the concrete
// colour in use right now and written inline, so the file looks the same in a browser.
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
] as const;

/** Attributes that only matter inside the webview. */
const DROPPED_ATTRIBUTE = /^(class|tabindex|role|aria-.*|data-.*|style)$/;

export function exportSvg(root: SVGSVGElement, width: number, height: number): string {
  const body = Array.from(root.childNodes).map((child) => serialize(child)).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    body +
    `</svg>\n`
  );
}

function serialize(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    return escapeXml(node.textContent ?? '');
  }
  if (!(node instanceof SVGElement)) {
    return '';
  }
  const computed = getComputedStyle(node);
  if (computed.display === 'none' || node.classList.contains('focus-ring')) {
    return '';
  }
  const tag = node.tagName;
  const attributes = Array.from(node.attributes)
    .filter((a) => !DROPPED_ATTRIBUTE.test(a.name))
    .map((a) => ` ${a.name}="${escapeXml(a.value)}"`)
    .join('');
  const style = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
    .filter(([, value]) => value !== '')
    .map(([p, value]) => `${p}:${value}`)
    .join(';');
  const children = Array.from(node.childNodes).map(serialize).join('');
  return `<${tag}${attributes}${style ? ` style="${escapeXml(style)}"` : ''}>${children}</${tag}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
}
