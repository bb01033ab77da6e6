// Functions passed to page.evaluate run in the browser: they need the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';

// What every kiosk screen must hold: large type, big targets, high contrast.
const MIN_FONT_PX = 24;
const MIN_TARGET_PX = 64;
const MIN_CONTRAST = 4.5;

/** Every rendered element that holds text itself: its font size and its contrast with what is behind it. */
export function textProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ([minFont, minContrast]) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      // The nearest ancestor with an opaque background is what the text sits on (the CSS uses no images).
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const problems: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!ownText || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible') continue;
        const label = `<${el.tagName.toLowerCase()}> “${el.textContent?.trim().slice(0, 20)}”`;
        const size = parseFloat(style.fontSize);
        if (size < minFont) problems.push(`${label}: font ${size}px`);
        const [a, b] = [luminance(rgb(style.color)), luminance(background(el))];
        const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (contrast < minContrast) problems.push(`${label}: contrast ${contrast.toFixed(2)}`);
      }
      return problems;
    },
    [MIN_FONT_PX, MIN_CONTRAST] as const,
  );
}

export async function smallTargets(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const button of await page.locator('button, [role="button"]').all()) {
    const box = await button.boundingBox();
    if (!box) continue;
    if (box.height < MIN_TARGET_PX || box.width < MIN_TARGET_PX) {
      problems.push(`“${(await button.textContent())?.trim()}”: ${box.width}×${box.height}px`);
    }
  }
  return problems;
}
