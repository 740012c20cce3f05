// An exported SVG rasterised to PNG for slides: at twice its size where the browser's canvas allows.
const SCALE = 2;
/** Chromium's canvas limits, with room to spare: a side and an area in pixels. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

/** The PNG of `svg` (width × height CSS pixels), as base64. */
export async function svgToPngBase64(svg: string, width: number, height: number): Promise<string> {
  const scale = Math.min(SCALE, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) {
    throw new Error('no 2D canvas');
  }
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
