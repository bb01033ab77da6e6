import type { ReactNode } from 'react';
import '../styles/keys.css';

/** A full-screen layer over the screen for one task (typing a text, picking a date), with its title. */
export function Sheet({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div className="sheet" role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
      <h2 className="sheet__title">{title}</h2>
      {children}
    </div>
  );
}
