import { useState } from 'react';
import type { Attachment } from '../../../contract/api/devices.ts';
import { CameraPanel } from '../camera/CameraPanel.tsx';
import { useI18n } from '../i18n/i18n-context.ts';
import { ErrorNotice } from '../layout/ErrorNotice.tsx';
import { useClient } from '../station/client-context.ts';
import '../styles/devices.css';

/** 补交容缺材料: the pages on the document camera, then caseSupply; the material is no longer owed. */
export function SupplyMaterial({
  caseNo,
  materialId,
  onDone,
  onCancel,
}: {
  caseNo: string;
  materialId: string;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const client = useClient();
  const [pages, setPages] = useState<Attachment[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const supply = () => {
    setBusy(true);
    setError(null);
    client.caseSupply({ caseNo, materialId, pages: pages.map((p) => p.sha256) }).then(onDone, (e: unknown) => {
      setError(e);
      setBusy(false);
    });
  };

  return (
    <div className="supply" data-testid="supply-material">
      <CameraPanel deviceId={null} onPage={(page) => setPages((list) => [...list, page.attachment])} />
      {error !== null && <ErrorNotice error={error} testId="supply-error" />}
      <div className="button-row">
        <button type="button" data-testid="supply-cancel" onClick={onCancel}>
          {t('ui.sheet.cancel')}
        </button>
        <button type="button" className="wide-button" data-testid="supply-confirm" disabled={busy || pages.length === 0} onClick={supply}>
          {t('ui.case.supply.confirm', { count: pages.length })}
        </button>
      </div>
    </div>
  );
}
