import { useState } from 'react';
import type { Attachment } from '../../../contract/api/devices.ts';
import { CameraPanel } from '../camera/CameraPanel.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import '../styles/devices.css';

/** 拍照: the document camera for one material, as many pages as it has; 完成 keeps them, 取消 drops the new ones. */
export function MaterialCapture({ onDone, onCancel }: { onDone(pages: Attachment[]): void; onCancel(): void }) {
  const { t } = useI18n();
  const [pages, setPages] = useState<Attachment[]>([]);
  return (
    <div className="material-capture" data-testid="material-capture">
      <CameraPanel deviceId={null} onPage={(page) => setPages((list) => [...list, page.attachment])} />
      <div className="button-row">
        <button type="button" data-testid="capture-cancel" onClick={onCancel}>
          {t('ui.sheet.cancel')}
        </button>
        <button type="button" className="wide-button" data-testid="capture-done" disabled={pages.length === 0} onClick={() => onDone(pages)}>
          {t('ui.material.capture.done', { count: pages.length })}
        </button>
      </div>
    </div>
  );
}
