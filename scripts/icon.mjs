// Draws the Marketplace icon PNGs from media/icon.svg (the one source to edit), so the icon
// can be redrawn at any size without an image editor: `node scripts/icon.mjs`.
// 128×128 is what the Marketplace and Open VSX show; 256×256 is for high-density screens.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = readFileSync('media/icon.svg', 'utf8');
for (const [size, out] of [
  [128, 'media/icon.png'],
  [256, 'media/icon-256.png'],
]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
  writeFileSync(out, png);
  console.log(`${out}: ${size}×${size}, ${png.length} bytes`);
}
