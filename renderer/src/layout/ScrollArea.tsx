import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.ts';

/**
 * Long content that scrolls by finger, plus big 上翻/下翻 buttons for villagers who do not know to swipe. The
 * buttons appear once the content is longer than the space, and then stay (disabled when nothing is left to
 * scroll): their column narrows the content, and content whose height follows its width (a 4:3 camera picture)
 * would otherwise fit without them, lose them, overflow again, and flicker every frame.
 */
export function ScrollArea({ children, className }: { children: ReactNode; className?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ shown: false, atTop: true, atBottom: true });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setEdges((last) => ({
        shown: last.shown || el.scrollHeight > el.clientHeight + 1,
        atTop: el.scrollTop <= 1,
        atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 1,
      }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);

  const page = (direction: 1 | -1) => {
    const el = ref.current;
    if (el) el.scrollBy({ top: direction * el.clientHeight * 0.8, behavior: 'smooth' });
  };

  return (
    <div className={`scroll-area ${className ?? ''}`}>
      <div ref={ref} className="scroll-area__content">
        <div>{children}</div>
      </div>
      {edges.shown && (
        <div className="scroll-area__buttons">
          <button type="button" data-testid="scroll-up" disabled={edges.atTop} onClick={() => page(-1)}>
            {t('ui.scroll.up')}
          </button>
          <button type="button" data-testid="scroll-down" disabled={edges.atBottom} onClick={() => page(1)}>
            {t('ui.scroll.down')}
          </button>
        </div>
      )}
    </div>
  );
}
