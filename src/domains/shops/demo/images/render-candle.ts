/**
 * Product-photo-style candle images for the demo shop, drawn locally: an SVG composed here and
 * rasterised by sharp (librsvg). No network, no fonts (labels use the stroke font), and the
 * same seed always gives the same image so demo data is reproducible.
 */
import sharp from 'sharp';
import { AppError } from '../../../../kernel/errors.ts';
import { textPath } from './stroke-font.ts';

export type CandleShape = 'pillar' | 'jar' | 'taper' | 'tealight';

export interface CandleImageOptions {
  seed: number;
  label: string;
  /** Wax colour: hex (#rgb / #rrggbb) or a CSS colour name. */
  color: string;
  shape: CandleShape;
}

const size = 800;
const ink = '#3a2f25';

// Soft studio backdrops: [wall top, wall bottom, table near, table far].
const palettes = [
  ['#f3ece2', '#e2d6c6', '#c9b49a', '#b59c7e'],
  ['#e9eee8', '#cfd9cf', '#a9b8a6', '#91a38e'],
  ['#f4e6e3', '#e5cdc8', '#c7a79f', '#b08d84'],
  ['#e6e9ef', '#cdd3de', '#a3acba', '#8b95a6'],
  ['#f1ede4', '#ddd5c4', '#8f7a62', '#77634d'],
] as const;

/** mulberry32: tiny deterministic PRNG; quality is ample for layout jitter. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The colour goes into SVG markup, so only allow values that cannot break out of an attribute.
function checkColor(color: string): string {
  if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) || /^[a-z]{3,20}$/i.test(color)) return color;
  throw new AppError(
    'VALIDATION_FAILED',
    `Candle colour "${color}" must be a hex colour like #e8d8c0 or a CSS name.`,
    {
      issues: [{ field: 'color', message: 'invalid colour' }],
    },
  );
}

const f = (n: number) => n.toFixed(1);

function flame(x: number, y: number, s: number, lean: number): string {
  const tipX = x + lean;
  const body = `M${f(x)} ${f(y)} C${f(x - s * 0.75)} ${f(y - s * 0.6)} ${f(tipX - s * 0.35)} ${f(y - s * 1.8)} ${f(tipX)} ${f(y - s * 2.7)} C${f(tipX + s * 0.35)} ${f(y - s * 1.8)} ${f(x + s * 0.75)} ${f(y - s * 0.6)} ${f(x)} ${f(y)}Z`;
  return `<circle cx="${f(x)}" cy="${f(y - s)}" r="${f(s * 4)}" fill="url(#glow)"/>
    <line x1="${f(x)}" y1="${f(y + 5)}" x2="${f(x + lean * 0.1)}" y2="${f(y - 4)}" stroke="#2b2118" stroke-width="3" stroke-linecap="round"/>
    <path d="${body}" fill="url(#flame)"/>
    <ellipse cx="${f(x)}" cy="${f(y - s * 0.5)}" rx="${f(s * 0.22)}" ry="${f(s * 0.45)}" fill="#8fb3ff" opacity="0.55"/>`;
}

function shadow(cx: number, y: number, w: number): string {
  return `<ellipse cx="${f(cx + w * 0.35)}" cy="${f(y + 6)}" rx="${f(w * 1.05)}" ry="${f(w * 0.16)}" fill="#000" opacity="0.14" filter="url(#blur)"/>
    <ellipse cx="${f(cx)}" cy="${f(y + 2)}" rx="${f(w * 0.62)}" ry="${f(w * 0.12)}" fill="#000" opacity="0.35" filter="url(#soft)"/>`;
}

function label(text: string, cx: number, cy: number, w: number, h: number): string {
  const { d, unit } = textPath(text, cx, cy, w, h);
  return d
    ? `<path d="${d}" fill="none" stroke="${ink}" stroke-width="${f(Math.max(1.2, unit * 0.7))}" stroke-linecap="round" stroke-linejoin="round"/>`
    : '';
}

function card(text: string, cx: number, cy: number): string {
  return `<rect x="${cx - 150}" y="${cy - 32}" width="300" height="64" rx="6" fill="#000" opacity="0.25" filter="url(#soft)" transform="translate(4 6)"/>
    <rect x="${cx - 150}" y="${cy - 32}" width="300" height="64" rx="6" fill="#f6f1e7" stroke="#d8cdb8"/>
    ${label(text, cx, cy, 250, 26)}`;
}

/** Cylinder side with a curved bottom edge: what makes a rectangle read as a round candle. */
function cylinder(cx: number, top: number, base: number, rx: number, ry: number, fill: string): string {
  return `<path d="M${f(cx - rx)} ${f(top)}L${f(cx - rx)} ${f(base)}A${f(rx)} ${f(ry)} 0 0 0 ${f(cx + rx)} ${f(base)}L${f(cx + rx)} ${f(top)}Z" fill="${fill}"/>`;
}

function pillar(o: CandleImageOptions, r: () => number, cx: number, base: number): string {
  const w = 200 + r() * 60;
  const h = 300 + r() * 90;
  const [rx, ry, top] = [w / 2, w * 0.13, base - h];
  const bandY = top + h * 0.42;
  const bandH = h * 0.24;
  const band = `<path d="M${f(cx - rx)} ${f(bandY)}A${f(rx)} ${f(ry)} 0 0 0 ${f(cx + rx)} ${f(bandY)}L${f(cx + rx)} ${f(bandY + bandH)}A${f(rx)} ${f(ry)} 0 0 1 ${f(cx - rx)} ${f(bandY + bandH)}Z" fill="#efe6d2"/>`;
  return `${shadow(cx, base, w)}
    ${cylinder(cx, top, base, rx, ry, o.color)}${cylinder(cx, top, base, rx, ry, 'url(#shade)')}
    ${band}${cylinder(cx, bandY, bandY + bandH, rx, ry, 'url(#shadeLight)')}
    ${label(o.label, cx, bandY + bandH / 2 + ry * 0.7, w * 0.78, bandH * 0.45)}
    <ellipse cx="${f(cx)}" cy="${f(top)}" rx="${f(rx)}" ry="${f(ry)}" fill="${o.color}"/>
    <ellipse cx="${f(cx)}" cy="${f(top)}" rx="${f(rx)}" ry="${f(ry)}" fill="#fff" opacity="0.22"/>
    <ellipse cx="${f(cx)}" cy="${f(top + 2)}" rx="${f(rx * 0.78)}" ry="${f(ry * 0.7)}" fill="#000" opacity="0.07"/>
    ${flame(cx, top - 2, 20 + r() * 6, (r() - 0.5) * 12)}`;
}

function jar(o: CandleImageOptions, r: () => number, cx: number, base: number): string {
  const w = 230 + r() * 50;
  const h = 280 + r() * 60;
  const [x, top] = [cx - w / 2, base - h];
  const waxTop = base - h * (0.62 + r() * 0.1);
  const glass = `<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="${f(h)}" rx="${f(w * 0.12)}"`;
  return `${shadow(cx, base, w)}
    <clipPath id="jarClip">${glass}/></clipPath>
    <g clip-path="url(#jarClip)">
      <rect x="${f(x)}" y="${f(waxTop)}" width="${f(w)}" height="${f(base - waxTop)}" fill="${o.color}"/>
      <rect x="${f(x)}" y="${f(waxTop)}" width="${f(w)}" height="${f(base - waxTop)}" fill="url(#shade)"/>
      <ellipse cx="${f(cx)}" cy="${f(waxTop)}" rx="${f(w / 2)}" ry="${f(w * 0.1)}" fill="${o.color}"/>
      <ellipse cx="${f(cx)}" cy="${f(waxTop)}" rx="${f(w / 2)}" ry="${f(w * 0.1)}" fill="#fff" opacity="0.2"/>
    </g>
    ${glass} fill="#fff" fill-opacity="0.14" stroke="#fff" stroke-opacity="0.6" stroke-width="3"/>
    <rect x="${f(x + w * 0.12)}" y="${f(top + 18)}" width="${f(w * 0.07)}" height="${f(h - 40)}" rx="8" fill="#fff" opacity="0.35"/>
    <ellipse cx="${f(cx)}" cy="${f(top + 2)}" rx="${f(w / 2 - 4)}" ry="${f(w * 0.08)}" fill="none" stroke="#fff" stroke-opacity="0.7" stroke-width="3"/>
    ${flame(cx, waxTop - 2, 18 + r() * 6, (r() - 0.5) * 10)}
    <rect x="${f(cx - w * 0.33)}" y="${f(base - h * 0.5)}" width="${f(w * 0.66)}" height="${f(h * 0.26)}" rx="6" fill="#f4ecdc" stroke="#d6c8ad"/>
    ${label(o.label, cx, base - h * 0.37, w * 0.56, h * 0.08)}`;
}

function taper(o: CandleImageOptions, r: () => number, cx: number, base: number): string {
  const holder = (x: number) => {
    const cup = base - 70;
    return {
      cup,
      svg: `<ellipse cx="${x}" cy="${base}" rx="58" ry="14" fill="url(#brass)"/>
      <rect x="${x - 8}" y="${cup}" width="16" height="${base - cup}" fill="url(#brass)"/>
      <ellipse cx="${x}" cy="${cup}" rx="26" ry="8" fill="url(#brass)"/>`,
    };
  };
  let out = '';
  for (const x of [cx - 70, cx + 70]) {
    const { cup, svg } = holder(x);
    const top = cup - (280 + r() * 70);
    const stick = `M${x - 15} ${cup}L${x - 12} ${top}Q${x} ${top - 14} ${x + 12} ${top}L${x + 15} ${cup}Z`;
    out += `${shadow(x, base, 90)}${svg}<path d="${stick}" fill="${o.color}"/><path d="${stick}" fill="url(#shade)"/>
      ${flame(x, top - 8, 14 + r() * 4, (r() - 0.5) * 8)}`;
  }
  return out + card(o.label, cx, base + 110);
}

function tealight(o: CandleImageOptions, r: () => number, cx: number, base: number): string {
  const one = (x: number, y: number, s: number) => {
    const [rx, ry, h] = [62 * s, 16 * s, 40 * s];
    return `${shadow(x, y, 124 * s)}${cylinder(x, y - h, y, rx, ry, 'url(#metal)')}
      <ellipse cx="${f(x)}" cy="${f(y - h)}" rx="${f(rx)}" ry="${f(ry)}" fill="#d9dde2"/>
      <ellipse cx="${f(x)}" cy="${f(y - h + 1)}" rx="${f(rx - 5)}" ry="${f(ry - 3)}" fill="${o.color}"/>
      ${flame(x, y - h - 2, 15 * s, (r() - 0.5) * 8)}`;
  };
  const spread = 165 + r() * 30;
  return `${one(cx - spread, base - 30, 1.1)}${one(cx + spread, base - 30, 1.1)}${one(cx, base + 20, 1.3)}${card(o.label, cx, base + 120)}`;
}

const shapes = { pillar, jar, taper, tealight };

export async function renderCandleImage(opts: CandleImageOptions): Promise<Buffer> {
  const o = { ...opts, color: checkColor(opts.color) };
  const r = rng(opts.seed);
  const [wallTop, wallBottom, tableNear, tableFar] = palettes[Math.floor(r() * palettes.length)]!;
  const horizon = 500 + r() * 50;
  const bokeh = Array.from({ length: 3 + Math.floor(r() * 4) }, () => {
    const [x, y, rad] = [r() * size, 60 + r() * (horizon - 120), 18 + r() * 40];
    return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(rad)}" fill="#fff3d6" opacity="${f(0.15 + r() * 0.25)}" filter="url(#soft)"/>`;
  }).join('');
  const cx = 400 + (r() - 0.5) * 60;
  const base = o.shape === 'taper' || o.shape === 'tealight' ? horizon + 80 : horizon + 140;
  const subject = shapes[o.shape](o, r, cx, base);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${wallTop}"/><stop offset="1" stop-color="${wallBottom}"/></linearGradient>
    <linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${tableFar}"/><stop offset="1" stop-color="${tableNear}"/></linearGradient>
    <radialGradient id="light" cx="${f(0.25 + r() * 0.5)}" cy="0.3" r="0.7"><stop offset="0" stop-color="#fff" stop-opacity="0.45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
    <linearGradient id="shade" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.32"/><stop offset="0.3" stop-color="#fff" stop-opacity="0.22"/><stop offset="0.65" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.38"/></linearGradient>
    <linearGradient id="shadeLight" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.2"/><stop offset="0.3" stop-color="#fff" stop-opacity="0.2"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient>
    <linearGradient id="metal" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#8d939b"/><stop offset="0.35" stop-color="#f2f4f6"/><stop offset="1" stop-color="#7b818a"/></linearGradient>
    <linearGradient id="brass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#8a6a2f"/><stop offset="0.4" stop-color="#e8cc86"/><stop offset="1" stop-color="#7a5c26"/></linearGradient>
    <radialGradient id="glow"><stop offset="0" stop-color="#ffd27a" stop-opacity="0.6"/><stop offset="1" stop-color="#ffd27a" stop-opacity="0"/></radialGradient>
    <linearGradient id="flame" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="#fff7d6"/><stop offset="0.5" stop-color="#ffc34d"/><stop offset="1" stop-color="#ff7a1a"/></linearGradient>
    <filter id="blur" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="14"/></filter>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="5"/></filter>
  </defs>
  <rect width="${size}" height="${size}" fill="url(#wall)"/>
  ${bokeh}
  <rect y="${f(horizon)}" width="${size}" height="${f(size - horizon)}" fill="url(#table)"/>
  <rect y="${f(horizon)}" width="${size}" height="3" fill="#fff" opacity="0.25"/>
  <rect width="${size}" height="${size}" fill="url(#light)"/>
  ${subject}
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
