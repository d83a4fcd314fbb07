import type { ComponentType } from 'react';
import { AdmissionAdmin } from '../../features/admission/AdmissionAdmin';
import { AuditLogAdmin } from '../../features/audit-log/AuditLogAdmin';
import { BoundariesAdmin } from '../../features/boundary-import/BoundariesAdmin';
import { DepartmentsAdmin } from '../../features/departments/DepartmentsAdmin';
import { HotlineImportAdmin } from '../../features/hotline-import/HotlineImportAdmin';
import { Open311KeysAdmin } from '../../features/open311-keys/Open311KeysAdmin';
import { TimerRulesAdmin } from '../../features/timer-rules/TimerRulesAdmin';
import { UsersAdmin } from '../../features/user-accounts/UsersAdmin';

/** The admin console's sections, in the order of its side menu; the key is the URL segment. */
export const ADMIN_SECTIONS = [
  { key: 'users', Component: UsersAdmin },
  { key: 'departments', Component: DepartmentsAdmin },
  { key: 'boundaries', Component: BoundariesAdmin },
  { key: 'admission', Component: AdmissionAdmin },
  { key: 'timer-rules', Component: TimerRulesAdmin },
  { key: 'open311-keys', Component: Open311KeysAdmin },
  { key: 'hotline-import', Component: HotlineImportAdmin },
  { key: 'audit', Component: AuditLogAdmin },
] as const satisfies readonly { key: string; Component: ComponentType }[];

export type AdminSectionKey = (typeof ADMIN_SECTIONS)[number]['key'];
