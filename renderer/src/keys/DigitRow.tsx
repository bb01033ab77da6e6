import '../styles/keys.css';

const DIGITS = [...'1234567890'];

/** One row of digits above the letter keys, for addresses ("3组"), tracking and case numbers. */
export function DigitRow({ onKey, extra = [] }: { onKey(key: string): void; extra?: readonly string[] }) {
  return (
    <div className="keyboard__row digit-row" data-testid="digit-row">
      {[...DIGITS, ...extra].map((d) => (
        <button key={d} type="button" className="key" data-testid={`key-${d === '-' ? 'dash' : d}`} onClick={() => onKey(d)}>
          {d}
        </button>
      ))}
    </div>
  );
}
