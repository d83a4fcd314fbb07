export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const INCIDENT_SOURCES = [
  'operator',
  'grid_worker',
  'hotline_12345',
  'open311',
  'district',
  'department',
  'video',
] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** The three whistles of the reform plus the tough-problem whistle that also summons district leaders. */
export const WHISTLE_TYPES = ['enforcement', 'key_work', 'emergency', 'tough'] as const;
export type WhistleType = (typeof WHISTLE_TYPES)[number];

export const WHISTLE_TYPE_NAMES: Record<WhistleType, { nameZh: string; nameEn: string }> = {
  enforcement: { nameZh: '综合执法', nameEn: 'Law enforcement' },
  key_work: { nameZh: '重点工作', nameEn: 'Key work' },
  emergency: { nameZh: '应急处置', nameEn: 'Emergency response' },
  tough: { nameZh: '攻坚', nameEn: 'Tough problem' },
};

/** Street → department (a whistle) or department → street (a task sent down, checked against the admission list). */
export const DISPATCH_DIRECTIONS = ['street_to_dept', 'dept_to_street'] as const;
export type DispatchDirection = (typeof DISPATCH_DIRECTIONS)[number];

/** The three timed stages of a dispatch. */
export const STAGES = ['accept', 'arrive', 'resolve'] as const;
export type Stage = (typeof STAGES)[number];

export const GRID_KINDS = ['comprehensive', 'dedicated'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

export interface LngLat {
  lng: number;
  lat: number;
}

export const SATISFACTION_RESULTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SatisfactionResult = (typeof SATISFACTION_RESULTS)[number];
