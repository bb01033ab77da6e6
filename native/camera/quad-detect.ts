import { binomialBlur } from './blur.ts';
import { filledArea, largestComponent } from './components.ts';
import { convexHull } from './convex-hull.ts';
import { sideContrasts } from './edge-contrast.ts';
import { clockwiseFromTopLeft, interiorAngles, isConvexQuad, signedArea, type Point, type Quad } from './geometry.ts';
import { otsuThreshold } from './otsu.ts';
import { maxAreaQuad, refineCorners } from './quad-fit.ts';

/** Long side of the greyscale preview the page is found in: plenty for corners, a few ms to search. */
export const DETECT_LONG_SIDE = 500;

/** What makes a found quad plausible as a page rather than a patch of desk. */
const MIN_AREA_SHARE = 0.2;
const MIN_SOLIDITY = 0.9; // region with holes filled ÷ its hull: a page is solid, wood grain is stripes
const MIN_QUAD_FILL = 0.9; // best quad ÷ hull: a page has four corners, a lamp's pool of light has none
const MIN_ANGLE = 45;
const MAX_ANGLE = 135;
const MIN_EDGE_STEP = 20; // grey levels across each side that has an outside in the frame
const EDGE_OFFSET = 3;

/**
 * Finds the page — the largest bright four-cornered region against a darker desk — in an 8-bit greyscale image.
 * Returns its corners clockwise from the top-left in the image's continuous pixel coordinates, or null when nothing
 * looks like a page. Never throws for a well-formed image, whatever it shows.
 */
export function detectQuad(grey: Uint8Array, width: number, height: number): Quad | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0 || grey.length < width * height) {
    throw new RangeError(`detectQuad: ${grey.length} bytes cannot hold a ${width}×${height} image`);
  }
  if (width < 8 || height < 8) return null;
  const frameArea = width * height;
  const blurred = binomialBlur(grey, width, height);
  const threshold = otsuThreshold(blurred);
  if (threshold === null) return null;

  const bright = new Uint8Array(frameArea);
  for (let i = 0; i < frameArea; i++) bright[i] = blurred[i]! > threshold ? 1 : 0;
  const region = largestComponent(bright, width, height);
  if (region.area < MIN_AREA_SHARE * frameArea) return null;

  const hull = convexHull(outlinePoints(region.mask, blurred, width, height, threshold + 0.5));
  const hullArea = signedArea(hull);
  if (hullArea < MIN_AREA_SHARE * frameArea) return null;
  if (filledArea(region.mask, width, height) < MIN_SOLIDITY * hullArea) return null;

  const indices = maxAreaQuad(hull);
  if (!indices) return null;
  const maxShift = 0.02 * Math.max(width, height) + 2;
  const quad = clockwiseFromTopLeft(clampToFrame(refineCorners(hull, indices, maxShift), width, height));
  if (!isConvexQuad(quad)) return null;
  const quadArea = signedArea(quad);
  if (quadArea < MIN_AREA_SHARE * frameArea || quadArea < MIN_QUAD_FILL * hullArea) return null;
  if (interiorAngles(quad).some((a) => a < MIN_ANGLE || a > MAX_ANGLE)) return null;

  const steps = sideContrasts(blurred, width, height, quad, EDGE_OFFSET).filter((s) => s !== null);
  if (steps.length === 0 || steps.some((s) => s < MIN_EDGE_STEP)) return null;
  return quad;
}

/**
 * The region's outline at sub-pixel precision: on every row its leftmost and rightmost pixel, on every column its
 * top and bottom one, each moved to where the grey level crosses the threshold (or onto the frame edge). The convex
 * hull of these is the hull of the region.
 */
function outlinePoints(region: Uint8Array, grey: Uint8Array, width: number, height: number, level: number): Point[] {
  const points: Point[] = [];
  // Where between the centres of a dark and a bright pixel the level is crossed: 0 at the dark one, 1 at the bright.
  const crossing = (dark: number, bright: number) => Math.min(1, Math.max(0, (level - dark) / (bright - dark || 1)));
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (region[row + x] !== 0) {
        if (first < 0) first = x;
        last = x;
      }
    }
    if (first < 0) continue;
    const left = first === 0 ? 0 : first - 0.5 + crossing(grey[row + first - 1]!, grey[row + first]!);
    const right = last === width - 1 ? width : last + 1.5 - crossing(grey[row + last + 1]!, grey[row + last]!);
    points.push({ x: left, y: y + 0.5 }, { x: right, y: y + 0.5 });
  }
  for (let x = 0; x < width; x++) {
    let first = -1;
    let last = -1;
    for (let y = 0; y < height; y++) {
      if (region[y * width + x] !== 0) {
        if (first < 0) first = y;
        last = y;
      }
    }
    if (first < 0) continue;
    const top = first === 0 ? 0 : first - 0.5 + crossing(grey[(first - 1) * width + x]!, grey[first * width + x]!);
    const bottom =
      last === height - 1 ? height : last + 1.5 - crossing(grey[(last + 1) * width + x]!, grey[last * width + x]!);
    points.push({ x: x + 0.5, y: top }, { x: x + 0.5, y: bottom });
  }
  return points;
}

function clampToFrame(q: Quad, width: number, height: number): Quad {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return q.map((p) => ({ x: clamp(p.x, width), y: clamp(p.y, height) })) as Quad;
}
