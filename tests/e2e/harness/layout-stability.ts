import type { Page } from 'playwright-core';

/**
 * Elements whose box moved or resized between animation frames over `frames` frames, each as
 * `testid-or-tag: before → after`. A screen that is loaded and left alone must give none: a box that changes by
 * itself is a flicker or a jump, and a tap aimed at it misses.
 */
export function layoutChanges(page: Page, frames = 30): Promise<string[]> {
  return page.evaluate(async (count) => {
    const name = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const boxes = () =>
      [...document.body.querySelectorAll('*')].map((el) => {
        const r = el.getBoundingClientRect();
        return { el, box: `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}` };
      });
    const changes = new Set<string>();
    let last = boxes();
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const now = boxes();
      const before = new Map(last.map((b) => [b.el, b.box]));
      for (const { el, box } of now) {
        const was = before.get(el);
        if (was === undefined) changes.add(`${name(el)}: appeared`);
        else if (was !== box) changes.add(`${name(el)}: ${was} → ${box}`);
      }
      for (const { el } of last) if (!el.isConnected) changes.add(`${name(el)}: vanished`);
      last = now;
    }
    return [...changes];
  }, frames);
}
