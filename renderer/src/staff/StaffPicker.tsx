import type { MethodOutput } from '../../../contract/api/api.ts';
import { useI18n } from '../i18n/i18n-context.ts';
import { ROLE_KEYS } from './staff-words.ts';

export type StaffMember = MethodOutput<'staffList'>[number];

/** Every active clerk and agent of the station as a big button: tap your own name. */
export function StaffPicker({ staff, onPick }: { staff: readonly StaffMember[]; onPick(member: StaffMember): void }) {
  const { t } = useI18n();
  if (staff.length === 0) {
    return (
      <p className="hint" data-testid="staff-none">
        {t('ui.staff.none')}
      </p>
    );
  }
  return (
    <ul className="staff-picker">
      {staff.map((s) => (
        <li key={s.id}>
          <button type="button" className="staff-picker__person" data-testid="staff-person" data-staff-id={s.id} onClick={() => onPick(s)}>
            <span className="staff-picker__name">{s.name}</span>
            <span className="staff-picker__role">{t(ROLE_KEYS[s.role])}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
