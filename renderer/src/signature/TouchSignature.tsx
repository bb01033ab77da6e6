import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Attachment } from '../../../contract/api/devices.ts';
import { StationError } from '../../../contract/domain/errors.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import { drawPoints, redraw } from './ink.ts';
import { SignatureButtons } from './SignatureButtons.tsx';
import { SignatureEnded } from './SignatureEnded.tsx';
import { TouchRecorder, type PointerSample } from './touch-recorder.ts';

type Phase = 'signing' | 'saving' | 'cancelled';

/** Only a pen says how hard it presses; a finger or a mouse gets the constant. */
function sample(e: PointerEvent, rect: DOMRect): PointerSample {
  return {
    x: e.clientX - rect.left,
    y: e.clientY - rect.top,
    pressure: e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : null,
    time: e.timeStamp,
  };
}

/**
 * Signing with a finger on the touch screen when there is no pad: pointer events become strokes in the pad's
 * format (CSS pixels), drawn as they come, stored with signatureSave.
 */
export function TouchSignature({ onSaved }: { onSaved(attachment: Attachment): void }) {
  const { t } = useI18n();
  const client = useClient();
  const canvas = useRef<HTMLCanvasElement>(null);
  const recorder = useRef(new TouchRecorder());
  const pointer = useRef<number | null>(null);
  const [points, setPoints] = useState(0);
  const [phase, setPhase] = useState<Phase>('signing');
  const [notice, setNotice] = useState<unknown>(null);

  // The canvas's backing store follows its CSS size and the screen's pixel ratio; a new size starts over.
  const shown = phase !== 'cancelled';
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let fitted = '';
    const fit = () => {
      const rect = el.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      const key = `${rect.width}x${rect.height}@${ratio}`;
      if (key === fitted) return;
      fitted = key;
      el.width = Math.max(1, Math.round(rect.width * ratio));
      el.height = Math.max(1, Math.round(rect.height * ratio));
      recorder.current.resize(rect.width, rect.height);
      pointer.current = null;
      setPoints(0);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    // Touches on the canvas are ink, not gestures: without this a stroke lifted at speed starts a fling, and the
    // browser swallows the next tap (确认) to stop it. React's touch listeners are passive, so this is done here.
    const consume = (e: TouchEvent) => e.preventDefault();
    const touch = ['touchstart', 'touchmove', 'touchend'] as const;
    for (const type of touch) el.addEventListener(type, consume, { passive: false });
    return () => {
      observer.disconnect();
      for (const type of touch) el.removeEventListener(type, consume);
    };
  }, [shown]);

  const ink = () => canvas.current?.getContext('2d') ?? null;
  const ratio = () => window.devicePixelRatio || 1;

  const down = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointer.current !== null || phase !== 'signing') return;
    pointer.current = e.pointerId;
    try {
      // Keep the stroke when the finger slides off the edge; a pointer already gone cannot be captured.
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // The stroke still records while the finger stays on the canvas.
    }
    const p = recorder.current.down(sample(e.nativeEvent, e.currentTarget.getBoundingClientRect()));
    const ctx = ink();
    if (ctx) drawPoints(ctx, ratio(), undefined, [p]);
    setNotice(null);
    setPoints(recorder.current.pointCount);
  };

  const move = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointer.current !== e.pointerId) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const ctx = ink();
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      const step = recorder.current.move(sample(ev, rect));
      if (step && ctx) drawPoints(ctx, ratio(), step.from, [step.to]);
    }
    setPoints(recorder.current.pointCount);
  };

  const up = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pointer.current !== e.pointerId) return;
    pointer.current = null;
    recorder.current.up();
  };

  const clear = () => {
    recorder.current.clear();
    pointer.current = null;
    const ctx = ink();
    if (ctx) redraw(ctx, ratio(), []);
    setNotice(null);
    setPoints(0);
  };

  const confirm = () => {
    if (recorder.current.pointCount === 0) {
      setNotice(new StationError('ui.signature.touch.empty', 'nothing written on the touch canvas'));
      return;
    }
    setPhase('saving');
    setNotice(null);
    client.signatureSave({ signature: recorder.current.signature() }).then(onSaved, (error: unknown) => {
      setPhase('signing');
      setNotice(error);
    });
  };

  if (phase === 'cancelled') {
    return (
      <div className="touch-signature" data-testid="touch-signature" data-state="cancelled">
        <SignatureEnded error={null} onAgain={() => setPhase('signing')} />
      </div>
    );
  }

  return (
    <div className="touch-signature" data-testid="touch-signature" data-state={phase}>
      <p className="signature-hint" role="status" data-testid="signature-hint">
        {t('ui.signature.touch.hint')}
      </p>
      <canvas
        ref={canvas}
        className="signature-canvas signature-canvas--touch"
        data-testid="touch-canvas"
        data-points={points}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      {notice !== null && <ErrorNotice error={notice} testId="signature-notice" />}
      <SignatureButtons
        busy={phase !== 'signing'}
        onClear={clear}
        onConfirm={confirm}
        onCancel={() => {
          clear();
          setPhase('cancelled');
        }}
      />
    </div>
  );
}
