import type { ReactNode } from 'react';
import type { ScreenName } from '../app/routes.ts';
import type { Speech } from '../speech/speak.ts';
import { TopBar } from './TopBar.tsx';

/** Every screen but attract: the top bar, the screen's title, and its content filling the rest. */
export function ScreenFrame({
  screen,
  title,
  speech,
  children,
}: {
  screen: ScreenName;
  title: string;
  speech: Speech;
  children: ReactNode;
}) {
  return (
    <div className={`screen screen--${screen}`} data-testid={`screen-${screen}`}>
      <TopBar speech={speech} />
      <main className="screen__body">
        <h1 className="screen__title" data-testid="screen-title">
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
