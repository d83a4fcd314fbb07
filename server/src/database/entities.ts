import { AdmissionEntry } from '../admission/admission-entry.entity';
import { TimerRuleEntity } from '../deadlines/timer-rule.entity';
import { Department } from '../departments/department.entity';
import { Dispatch } from '../dispatches/dispatch.entity';
import { Rating } from '../dispatches/rating.entity';
import { EventRecord } from '../events/event.entity';
import { OutboxEntry } from '../events/outbox.entity';
import { GridWorker } from '../grids/grid-worker.entity';
import { Grid } from '../grids/grid.entity';
import { Incident } from '../incidents/incident.entity';
import { Community } from '../streets/community.entity';
import { District } from '../streets/district.entity';
import { StreetLeader } from '../streets/street-leader.entity';
import { Street } from '../streets/street.entity';
import { User } from '../users/user.entity';
import { Whistle } from '../whistles/whistle.entity';
import { Open311ApiKey } from '../open311/open311-api-key.entity';
import { Open311Request } from '../open311/open311-request.entity';
import { HotlineOrder } from '../hotline/hotline-order.entity';
import { Photo } from '../photos/photo.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../sessions/auth-session.entity';
import { RatingSnapshotEntity } from '../metrics/rating-snapshot.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';

/** Every entity, registered once for the app and the migration CLI alike. */
export const ENTITIES = [
  District,
  Street,
  Community,
  StreetLeader,
  Grid,
  GridWorker,
  Department,
  User,
  AdmissionEntry,
  TimerRuleEntity,
  Incident,
  Whistle,
  Dispatch,
  Rating,
  EventRecord,
  OutboxEntry,
  Open311ApiKey,
  Open311Request,
  HotlineOrder,
  Photo,
  AuthSession,
  AuditEntry,
  RatingSnapshotEntity,
  IdempotencyRecord,
];
