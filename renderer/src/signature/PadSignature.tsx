import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Attachment } from '../../../contract/api/devices.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import type { SignaturePoint } from '../../../contract/domain/signature.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { reportActivity } from '../idle/use-idle-timeout.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { drawPoints, redraw } from './ink.ts';
import { padCommand } from './pad-queue.ts';
import { SignatureButtons } from './SignatureButtons.tsx';
import { SignatureEnded } from './SignatureEnded.tsx';

/** Canvas pixels across, whatever the pad's own units; the height follows the pad's shape. */
const CANVAS_WIDTH = 1600;
/** A failed confirm that leaves the pad signing: the villager only has to write something. */
const STILL_SIGNING = new Set(['sigpad.empty-signature']);

type Phase =
  | { status: 'starting' }
  | { status: 'signing' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'ended'; error: unknown };

/**
 * Signing on the USB pad: sigpadStart, live ink from sigpadInk scaled from pad units into the canvas, then
 * 重签 (sigpadClear), 确认 (sigpadConfirm → the stored signature) or 取消. Closing the panel cancels.
 */
export function PadSignature({ onSaved }: { onSaved(attachment: Attachment): void }) {
  const { t } = useI18n();
  const client = useClient();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef(new Map<number, SignaturePoint[]>());
  const scale = useRef<number | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [points, setPoints] = useState(0);
  const [phase, setPhaseState] = useState<Phase>({ status: 'starting' });
  const [notice, setNotice] = useState<unknown>(null);
  const [session, setSession] = useState(0);
  // Read by the cleanup that runs when the panel closes, which may be in the same update as the last change.
  const status = useRef<Phase['status']>('starting');
  const setPhase = (next: Phase) => {
    status.current = next.status;
    setPhaseState(next);
  };

  useEffect(() => {
    let live = true;
    strokes.current = new Map();
    scale.current = null;
    setPoints(0);
    setSize(null);
    setNotice(null);
    setPhase({ status: 'starting' });
    const offInk = client.on('sigpadInk', ({ stroke, points: added }) => {
      if (!live) return;
      // A villager writing on the pad touches nothing on the screen: keep the idle timeout from ending the visit.
      reportActivity();
      const list = strokes.current.get(stroke) ?? [];
      const from = list.at(-1);
      list.push(...added);
      strokes.current.set(stroke, list);
      const ctx = canvas.current?.getContext('2d');
      if (ctx && scale.current !== null) drawPoints(ctx, scale.current, from, added, 1);
      setPoints((n) => n + added.length);
    });
    const offCleared = client.on('sigpadCleared', () => {
      if (!live) return;
      strokes.current = new Map();
      const ctx = canvas.current?.getContext('2d');
      ctx?.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      setPoints(0);
    });
    padCommand(() => client.sigpadStart({})).then(
      (s) => {
        if (!live) return;
        setSize(s);
        setPhase({ status: 'signing' });
      },
      (error: unknown) => {
        if (live) setPhase({ status: 'ended', error });
      },
    );
    return () => {
      live = false;
      offInk();
      offCleared();
      // Leaving while the pad still takes ink: stop it, so the next signature starts clean.
      if (['starting', 'signing', 'saving'].includes(status.current)) {
        padCommand(() => client.sigpadCancel({})).catch(() => undefined);
      }
    };
  }, [client, session]);

  // Pad units → canvas pixels, once the pad said how big it is; ink that came first is drawn now.
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el || size === null) return;
    const s = CANVAS_WIDTH / size.width;
    el.width = CANVAS_WIDTH;
    el.height = Math.max(1, Math.round(size.height * s));
    scale.current = s;
    const ctx = el.getContext('2d');
    if (ctx) redraw(ctx, s, strokes.current.values(), 1);
  }, [size]);

  const clear = () => {
    setNotice(null);
    padCommand(() => client.sigpadClear({})).then(
      () => {
        strokes.current = new Map();
        const ctx = canvas.current?.getContext('2d');
        ctx?.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
        setPoints(0);
      },
      (error: unknown) => setNotice(error),
    );
  };

  const confirm = () => {
    setNotice(null);
    setPhase({ status: 'saving' });
    padCommand(() => client.sigpadConfirm({})).then(
      (attachment) => {
        setPhase({ status: 'saved' });
        onSaved(attachment);
      },
      (error: unknown) => {
        if (error instanceof StationError && STILL_SIGNING.has(error.code)) {
          setPhase({ status: 'signing' });
          setNotice(error);
        } else {
          setPhase({ status: 'ended', error });
        }
      },
    );
  };

  const cancel = () => {
    setPhase({ status: 'ended', error: null });
    padCommand(() => client.sigpadCancel({})).catch(() => undefined);
  };

  if (phase.status === 'ended') {
    return (
      <div className="pad-signature" data-testid="pad-signature" data-state="ended">
        <SignatureEnded error={phase.error} onAgain={() => setSession((n) => n + 1)} />
      </div>
    );
  }

  return (
    <div className="pad-signature" data-testid="pad-signature" data-state={phase.status}>
      <p className="signature-hint" role="status" data-testid="signature-hint">
        {t(phase.status === 'starting' ? 'ui.signature.pad.starting' : 'ui.signature.pad.hint')}
      </p>
      <canvas
        ref={canvas}
        className="signature-canvas signature-canvas--pad"
        data-testid="sigpad-canvas"
        data-points={points}
        width={CANVAS_WIDTH}
        height={CANVAS_WIDTH / 2}
      />
      {notice !== null && <ErrorNotice error={notice} testId="signature-notice" />}
      <SignatureButtons busy={phase.status !== 'signing'} onClear={clear} onConfirm={confirm} onCancel={cancel} />
    </div>
  );
}
