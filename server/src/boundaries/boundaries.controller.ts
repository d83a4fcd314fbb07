import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  UseInterceptors,
  UploadedFiles,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FeatureCollection, Geometry } from 'geojson';
import type {
  BoundaryImportReport,
  CommunityBoundaryProperties,
  GridBoundaryProperties,
  StreetBoundaryProperties,
} from '@whistle/shared';
import { memoryStorage } from 'multer';
import { Audit, type AuditContext } from '../audit/audit-context';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { InterruptedUploads } from '../common/interrupted-upload.interceptor';
import { RateLimited } from '../rate-limits/rate-limited.decorator';
import { BoundariesService } from './boundaries.service';
import { LAYERS, type BoundaryFile } from './boundary-plan';

type LayerFiles = Partial<Record<'streets' | 'communities' | 'grids', { buffer: Buffer }[]>>;

/**
 * Large files (a district's 1,000+ grids run to megabytes, past the JSON body limit) come as
 * multipart, one GeoJSON file per layer under the field names `streets`, `communities`, `grids`.
 */
const LayerUpload = FileFieldsInterceptor(
  LAYERS.map((name) => ({ name, maxCount: 1 })),
  { storage: memoryStorage(), limits: { fileSize: 64 * 1024 * 1024, files: 3 } },
);

/** A JSON body `{ streets?, communities?, grids? }`, or the same layers as multipart files. */
function readBody(body: unknown, files: LayerFiles | undefined): BoundaryFile {
  const file: BoundaryFile = {};
  const json = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  for (const layer of LAYERS) {
    const upload = files?.[layer]?.[0];
    if (upload) {
      try {
        file[layer] = JSON.parse(upload.buffer.toString('utf8')) as unknown;
      } catch {
        throw new BadRequestException({
          message: `Invalid request: ${layer}`,
          fields: { [layer]: ['is not valid JSON'] },
        });
      }
    } else if (json[layer] !== undefined) file[layer] = json[layer];
  }
  if (LAYERS.every((layer) => file[layer] === undefined)) {
    throw new BadRequestException({
      message: 'Invalid request: give at least one of streets, communities, grids',
      fields: { body: ['must hold streets, communities or grids (GeoJSON FeatureCollections)'] },
    });
  }
  return file;
}

@ApiTags('boundaries')
@ApiBearerAuth()
@Controller('boundaries')
export class BoundariesController {
  constructor(private readonly boundaries: BoundariesService) {}

  @Get('streets')
  streets(): Promise<FeatureCollection<Geometry | null, StreetBoundaryProperties>> {
    return this.boundaries.streets();
  }

  @Get('communities')
  communities(): Promise<FeatureCollection<Geometry | null, CommunityBoundaryProperties>> {
    return this.boundaries.communities();
  }

  @Get('grids')
  grids(): Promise<FeatureCollection<Geometry | null, GridBoundaryProperties>> {
    return this.boundaries.grids();
  }

  /** Applies the file whole (200 with the report) or not at all (422 with every problem found). */
  @Post('import')
  @HttpCode(200)
  @Roles('admin')
  @RateLimited('import')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(InterruptedUploads, LayerUpload)
  import(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @UploadedFiles() files: LayerFiles | undefined,
    @Audit() audit: AuditContext,
  ): Promise<BoundaryImportReport> {
    return this.boundaries.import(readBody(body, files), user.districtId, audit);
  }

  /** The same checks as an import, changing nothing: 200 with the report, `ok` false if refused. */
  @Post('validate')
  @HttpCode(200)
  @Roles('admin')
  @RateLimited('import')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(InterruptedUploads, LayerUpload)
  validate(
    @Body() body: unknown,
    @UploadedFiles() files: LayerFiles | undefined,
  ): Promise<BoundaryImportReport> {
    return this.boundaries.validate(readBody(body, files));
  }
}
