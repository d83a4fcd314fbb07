import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CATEGORIES,
  type IncidentSource,
  type PhotoView,
  type ReportedIncidentView,
  type Role,
} from '@whistle/shared';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { notFound, unprocessable } from '../common/errors';
import { partiesOfIncident } from '../dispatches/dispatch-reads';
import { markClaimCommitted } from '../idempotency/idempotency-context';
import type { IncidentRow } from '../incidents/incident-row';
import { IncidentAccess } from '../incidents/incident-access.service';
import { IncidentsService } from '../incidents/incidents.service';
import type { AttachPhotosDto, ReportIncidentDto } from './dto/report-incident.dto';
import { PhotoFiles, type StoredPhoto } from './photo-files.service';
import type { UploadedPhoto } from './photo-processing';
import { Photo } from './photo.entity';
import { toPhotoView } from './photo-view';

/** Which source a report records, by who filed it. */
const REPORT_SOURCE: Partial<Record<Role, IncidentSource>> = {
  grid_worker: 'grid_worker',
  street_operator: 'operator',
  district_operator: 'district',
};

/** A title when the reporter gave none: the category and the start of the description. */
function defaultTitle(category: string, description: string): string {
  const name = CATEGORIES.find((c) => c.code === category)?.nameZh ?? category;
  const summary = description.trim().replace(/\s+/g, ' ');
  return `${name}：${summary.length > 40 ? `${summary.slice(0, 40)}…` : summary}`;
}

/**
 * Grid-worker reports with photos, photos added later, and reading them back. Files are written
 * before the database transaction and removed again if it fails, so neither an incident without
 * its photos nor a photo row without its file is ever left behind.
 */
@Injectable()
export class PhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: PhotoFiles,
    private readonly incidents: IncidentsService,
    private readonly access: IncidentAccess,
  ) {}

  async report(
    user: AuthUser,
    dto: ReportIncidentDto,
    uploads: UploadedPhoto[],
  ): Promise<ReportedIncidentView> {
    const source = REPORT_SOURCE[user.role];
    if (!source) throw new ForbiddenException(`Role ${user.role} may not file reports`);
    const stored = await this.files.store(uploads);
    let rows: Photo[] = [];
    try {
      const incident = await this.incidents.create(
        user,
        {
          title: dto.title ?? defaultTitle(dto.category, dto.description),
          description: dto.description,
          category: dto.category,
          priority: dto.priority ?? 'normal',
          location: { lng: dto.lng, lat: dto.lat },
          source,
        },
        async (tx, created) => {
          rows = await this.insertRows(tx.manager, created.id, null, user, stored);
        },
      );
      return { ...incident, photos: rows.map(toPhotoView) };
    } catch (err) {
      await this.files.discard(stored);
      throw err;
    }
  }

  async attach(
    user: AuthUser,
    incidentId: string,
    dto: AttachPhotosDto,
    uploads: UploadedPhoto[],
  ): Promise<PhotoView[]> {
    if (uploads.length === 0) {
      throw new BadRequestException({
        message: 'Invalid request: photos',
        fields: { photos: ['must hold 1 to 9 images'] },
      });
    }
    // Refuse before storing anything when the user may not attach here.
    await this.dataSource.transaction((manager) =>
      this.checkParty(user, manager, incidentId, dto.dispatchId),
    );
    const stored = await this.files.store(uploads);
    try {
      const rows = await this.dataSource.transaction(async (manager) => {
        // Checked again under the transaction: a dispatch may have changed hands meanwhile.
        await this.checkParty(user, manager, incidentId, dto.dispatchId);
        await markClaimCommitted(manager);
        return this.insertRows(manager, incidentId, dto.dispatchId ?? null, user, stored);
      });
      return rows.map(toPhotoView);
    } catch (err) {
      await this.files.discard(stored);
      throw err;
    }
  }

  async list(user: AuthUser, incidentId: string): Promise<PhotoView[]> {
    await this.access.load(user, this.dataSource.manager, incidentId);
    const photos = await this.dataSource.manager.find(Photo, {
      where: { incidentId },
      order: { createdAt: 'ASC', position: 'ASC' },
    });
    return photos.map(toPhotoView);
  }

  /** The bytes of a photo or its thumbnail, for a user allowed to see its incident (404 otherwise). */
  async open(
    user: AuthUser,
    photoId: string,
    variant: 'original' | 'thumbnail',
  ): Promise<{ stream: Readable; contentType: string }> {
    const photo = await this.dataSource.manager.findOneBy(Photo, { id: photoId });
    if (!photo) throw notFound('photo', photoId);
    try {
      await this.access.load(user, this.dataSource.manager, photo.incidentId);
    } catch (err) {
      // Say nothing about the incident behind a photo the user may not see.
      if (err instanceof NotFoundException) throw notFound('photo', photoId);
      throw err;
    }
    const key = variant === 'original' ? photo.storageKey : photo.thumbnailKey;
    const stream = await this.files.open(key);
    if (!stream) throw notFound('photo', photoId);
    return { stream, contentType: variant === 'original' ? photo.contentType : 'image/jpeg' };
  }

  /**
   * A party to the incident may add photos: whoever can see it (its street, its grid's workers, the
   * reporter, a department with a dispatch on it, the district command centre) — district leaders
   * only when summoned to it. A `dispatchId` must be a dispatch of this incident, and a department's
   * or leader's own.
   */
  private async checkParty(
    user: AuthUser,
    manager: EntityManager,
    incidentId: string,
    dispatchId: string | undefined,
  ): Promise<IncidentRow> {
    const incident = await this.access.load(user, manager, incidentId);
    const dispatches = await partiesOfIncident(manager, incidentId);
    if (user.role === 'district_leader' && !dispatches.some((d) => d.leaderUserId === user.id)) {
      throw new ForbiddenException('Only a leader summoned to this incident may add photos to it');
    }
    if (dispatchId !== undefined) {
      const dispatch = dispatches.find((d) => d.id === dispatchId);
      const own =
        dispatch !== undefined &&
        (user.role === 'dept_officer'
          ? dispatch.departmentId === user.departmentId
          : user.role === 'district_leader'
            ? dispatch.leaderUserId === user.id
            : true);
      if (!own) {
        throw unprocessable('dispatchId is not a dispatch of yours on this incident', {
          dispatchId: ['must be a dispatch of yours on this incident'],
        });
      }
    }
    return incident;
  }

  private insertRows(
    manager: EntityManager,
    incidentId: string,
    dispatchId: string | null,
    user: AuthUser,
    stored: readonly StoredPhoto[],
  ): Promise<Photo[]> {
    if (stored.length === 0) return Promise.resolve([]);
    return manager.save(
      Photo,
      stored.map((s, position) =>
        manager.create(Photo, {
          position,
          incidentId,
          dispatchId,
          storageKey: s.storageKey,
          thumbnailKey: s.thumbnailKey,
          contentType: s.contentType,
          sizeBytes: s.sizeBytes,
          width: s.width,
          height: s.height,
          uploadedById: user.id,
        }),
      ),
    );
  }
}
