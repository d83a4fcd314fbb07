import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { LngLat } from '@whistle/shared';
import { departmentNames } from '../departments/department-rows';
import { dispatchesOfIncidents } from '../dispatches/dispatch-reads';
import { ChangeRecorder } from '../events/change-recorder.service';
import { gridsByIds } from '../grids/grid-rows';
import { GridsService } from '../grids/grids.service';
import { findIncidents, type IncidentFilter } from '../incidents/incident-reads';
import type { IncidentRow } from '../incidents/incident-row';
import { raiseIncident } from '../incidents/raise-incident';
import { districtNames } from '../streets/districts';
import { communitiesByIds, streetsByIds } from '../streets/street-rows';
import { AddressResolver } from './address-resolver.service';
import type { Open311ApiKey } from './open311-api-key.entity';
import { badRequest, notFound311 } from './open311-error';
import type { Open311Value } from './open311-format';
import { Open311Request } from './open311-request.entity';
import type { Open311Submission } from './request-form';
import { MAX_RESULTS, type RequestQuery } from './request-query';
import { CLOSED_INCIDENT_STATUSES, toServiceRequest, type RequestContext } from './request-view';
import { findService } from './service-catalog';

/** Dispatch states in which a department is no longer working on the incident. */
const NOT_RESPONSIBLE = ['rejected', 'cancelled'];

/** Open311 service requests: each is a Whistle incident (source `open311`) plus its Open311 row. */
@Injectable()
export class Open311RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: ChangeRecorder,
    private readonly grids: GridsService,
    private readonly addresses: AddressResolver,
  ) {}

  /** Raises the incident in the grid holding the location, with its Open311 row, in one transaction. */
  async create(key: Open311ApiKey, s: Open311Submission): Promise<Open311Value> {
    const point = await this.locate(s);
    const grid = this.grids.locate(point);
    if (!grid) throw badRequest(`The location (lat ${point.lat}, long ${point.lng}) is outside the district`);
    const serviceName = findService(s.serviceCode)?.service_name ?? s.serviceCode;
    const [street] = await streetsByIds(this.dataSource.manager, [grid.streetId]);
    const serviceNotice = `已受理，转${street?.nameZh ?? ''}指挥中心处置`;
    const incident = await this.recorder.run(async (tx) => {
      const raised = await raiseIncident(tx, {
        title: titleOf(serviceName, s.description),
        description: s.description ?? undefined,
        category: s.serviceCode,
        priority: s.priority,
        source: 'open311',
        location: point,
        grid,
        reportedById: null,
      });
      await tx.manager.insert(Open311Request, {
        incidentId: raised.id,
        apiKeyId: key.id,
        addressString: s.addressString,
        addressId: s.addressId,
        email: s.email,
        firstName: s.firstName,
        lastName: s.lastName,
        phone: s.phone,
        deviceId: s.deviceId,
        accountId: s.accountId,
        mediaUrl: s.mediaUrl,
        attributes: s.attributes,
        serviceNotice,
      });
      return raised;
    });
    return [{ service_request_id: incident.id, service_notice: serviceNotice, account_id: s.accountId }];
  }

  /**
   * Open311's requests are the incidents raised through it (newest first, at most MAX_RESULTS),
   * each with its Open311 row.
   */
  async find(query: RequestQuery): Promise<Open311Value[]> {
    const manager = this.dataSource.manager;
    const incidents = await findIncidents(manager, incidentFilterOf(query), MAX_RESULTS);
    if (incidents.length === 0) return [];
    const requests = await manager.findBy(Open311Request, { incidentId: In(incidents.map((i) => i.id)) });
    const requestOf = new Map(requests.map((r) => [r.incidentId, r]));
    const contexts = await loadContexts(manager, incidents);
    return incidents.flatMap((incident) => {
      const request = requestOf.get(incident.id);
      const ctx = contexts.get(incident.id);
      return request && ctx ? [toServiceRequest(incident, request, ctx)] : [];
    });
  }

  async findOne(id: string): Promise<Open311Value[]> {
    const found = isUUID(id) ? await this.find({ kind: 'ids', ids: [id] }) : [];
    if (!found.length) throw notFound311(`service_request_id ${id} was not found`);
    return found;
  }

  private async locate(s: Open311Submission): Promise<LngLat> {
    if (s.point) return s.point;
    if (s.addressString) {
      const point = await this.addresses.fromAddressString(s.addressString);
      if (point) return point;
      throw badRequest(
        `address_string "${s.addressString}" names no street or community of the district; send lat and long`,
      );
    }
    const point = s.addressId ? await this.addresses.fromAddressId(s.addressId) : null;
    if (!point)
      throw badRequest(
        `address_id ${s.addressId ?? ''} is not a grid code of the district; send lat and long`,
      );
    return point;
  }
}

/** The incidents a GET requests query names: Open311's own, by id or by period, service and status. */
function incidentFilterOf(query: RequestQuery): IncidentFilter {
  if (query.kind === 'ids') return { source: 'open311', ids: query.ids.filter((id) => isUUID(id)) };
  const statuses = query.statuses ?? [];
  // Both statuses, or none named: every request.
  const closed = statuses.length === 1 ? statuses[0] === 'closed' : null;
  return {
    source: 'open311',
    createdFrom: query.start,
    createdTo: query.end,
    ...(query.serviceCodes ? { categories: query.serviceCodes } : {}),
    ...(closed === true ? { statusIn: CLOSED_INCIDENT_STATUSES } : {}),
    ...(closed === false ? { statusNotIn: CLOSED_INCIDENT_STATUSES } : {}),
  };
}

/** Dispatches, departments and area names for many incidents in a fixed number of queries. */
async function loadContexts(
  m: EntityManager,
  incidents: IncidentRow[],
): Promise<Map<string, RequestContext>> {
  const contexts = new Map<string, RequestContext>();
  const ids = incidents.map((i) => i.id);
  const [dispatches, grids, communities, streets, districts] = await Promise.all([
    dispatchesOfIncidents(m, ids),
    gridsByIds(m, unique(incidents.map((i) => i.gridId))),
    communitiesByIds(m, unique(incidents.map((i) => i.communityId))),
    streetsByIds(m, unique(incidents.map((i) => i.streetId))),
    districtNames(m, unique(incidents.map((i) => i.districtId))),
  ]);
  const departments = await departmentNames(
    m,
    unique(dispatches.flatMap((d) => (d.departmentId ? [d.departmentId] : []))),
  );
  const nameOf = <T extends { id: string }>(rows: T[], id: string, pick: (row: T) => string) => {
    const row = rows.find((r) => r.id === id);
    return row ? [pick(row)] : [];
  };
  for (const incident of incidents) {
    const own = dispatches.filter((d) => d.incidentId === incident.id);
    const responsible = own.filter((d) => d.departmentId && !NOT_RESPONSIBLE.includes(d.status));
    const agencies = unique(responsible.flatMap((d) => departments.get(d.departmentId ?? '') ?? []));
    const latest = (dates: Date[]) =>
      dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
    const district = districts.get(incident.districtId);
    contexts.set(incident.id, {
      agencies,
      expectedAt: latest(responsible.map((d) => d.resolveBy)),
      dispatchUpdatedAt: latest(own.map((d) => d.updatedAt)),
      areaNames: [
        ...nameOf(grids, incident.gridId, (g) => g.name),
        ...nameOf(communities, incident.communityId, (c) => c.nameZh),
        ...nameOf(streets, incident.streetId, (s) => s.nameZh),
        ...(district ? [district] : []),
      ],
      gridCode: grids.find((g) => g.id === incident.gridId)?.code ?? null,
    });
  }
  return contexts;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** A short title for the incident lists: the service and the start of what the citizen wrote. */
function titleOf(serviceName: string, description: string | null): string {
  const firstLine = description?.split(/\r?\n/)[0]?.trim() ?? '';
  if (!firstLine) return `${serviceName}（市民上报）`;
  return `${serviceName}：${firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine}`;
}
