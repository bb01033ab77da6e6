import { useState } from 'react';
import { fenToYuan, yuanToFen } from '../../../contract/domain/money.ts';
import { acceptsYuanKey } from './yuan-keys.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { DigitPad } from '../keys/DigitPad.tsx';
import { KeyboardSheet } from '../keys/KeyboardSheet.tsx';
import type { Fee } from './intake-state.ts';

/** Items agents advance most often; anything else is typed in pinyin. */
const COMMON_ITEMS = ['ui.fee.item.copy', 'ui.fee.item.photo', 'ui.fee.item.post', 'ui.fee.item.travel', 'ui.fee.item.cost'];
const MAX_FEES = 10;
const MAX_ITEM = 40;

/** 代垫费用: what the agent paid for the villager, item and amount in yuan on the number pad, kept as whole fen. */
export function FeeEditor({ fees, onFees }: { fees: readonly Fee[]; onFees(fees: Fee[]): void }) {
  const { t } = useI18n();
  const [item, setItem] = useState<string | null>(null);
  const [typingItem, setTypingItem] = useState(false);
  const [amount, setAmount] = useState('');
  const fen = yuanToFen(amount);
  const total = fees.reduce((sum, f) => sum + f.amountFen, 0);

  const add = () => {
    if (item === null || fen === null || fen === 0) return;
    onFees([...fees, { item, amountFen: fen }]);
    setItem(null);
    setAmount('');
  };

  return (
    <div className="fee-editor" data-testid="fee-editor">
      <h3>{t('ui.fee.title')}</h3>
      {fees.length === 0 ? (
        <p className="hint">{t('ui.fee.none')}</p>
      ) : (
        <ul className="fee-list">
          {fees.map((f, i) => (
            <li key={i} className="fee-list__item" data-testid="fee" data-fen={f.amountFen}>
              <span>{t('ui.fee.line', { item: f.item, amount: fenToYuan(f.amountFen) })}</span>
              <button type="button" data-testid="fee-remove" onClick={() => onFees(fees.filter((_, j) => j !== i))}>
                {t('ui.fee.remove')}
              </button>
            </li>
          ))}
          <li className="fee-list__total" data-testid="fee-total" data-fen={total}>
            {t('ui.fee.total', { amount: fenToYuan(total) })}
          </li>
        </ul>
      )}
      {fees.length < MAX_FEES && (
        <div className="fee-new">
          <div className="fee-new__items" role="group">
            {COMMON_ITEMS.map((key) => (
              <button key={key} type="button" aria-pressed={item === t(key)} data-testid="fee-item" onClick={() => setItem(t(key))}>
                {t(key)}
              </button>
            ))}
            <button type="button" data-testid="fee-item-other" onClick={() => setTypingItem(true)}>
              {t('ui.fee.item.other')}
            </button>
          </div>
          <div className="fee-new__amount">
            <p className="fee-new__line" data-testid="fee-new">
              {t('ui.fee.new', { item: item ?? t('ui.fee.item.none'), amount: amount === '' ? '0' : amount })}
            </p>
            <DigitPad
              extra="."
              onKey={(k) => setAmount((a) => (acceptsYuanKey(a, k) ? a + k : a))}
              onDelete={() => setAmount((a) => a.slice(0, -1))}
              onClear={() => setAmount('')}
            />
            <button type="button" className="wide-button" data-testid="fee-add" disabled={item === null || fen === null || fen === 0} onClick={add}>
              {t('ui.fee.add')}
            </button>
          </div>
        </div>
      )}
      {typingItem && (
        <KeyboardSheet
          title={t('ui.fee.item.other')}
          initial=""
          maxLength={MAX_ITEM}
          kinds={['hanzi']}
          onCancel={() => setTypingItem(false)}
          onDone={(v) => {
            setTypingItem(false);
            if (v.trim() !== '') setItem(v.trim());
          }}
        />
      )}
    </div>
  );
}
