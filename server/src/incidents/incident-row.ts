import type { Incident } from './incident.entity';

/**
 * An incident as other modules hold it: loaded (and row-locked) by the incidents module's
 * functions and passed back to them. Only the incidents module writes it.
 */
export type IncidentRow = Incident;
