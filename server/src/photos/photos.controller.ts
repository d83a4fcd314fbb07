import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { PhotoView, ReportedIncidentView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { InterruptedUploads } from '../common/interrupted-upload.interceptor';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { AttachPhotosDto, ReportIncidentDto } from './dto/report-incident.dto';
import type { UploadedPhoto } from './photo-processing';
import { RateLimited } from '../rate-limits/rate-limited.decorator';
import { PhotoLimitMessages, PhotosUpload, RemoveTemporaryPhotos } from './photo-upload';
import { PhotosService } from './photos.service';

@ApiTags('photos')
@ApiBearerAuth()
@Controller()
export class PhotosController {
  constructor(private readonly photos: PhotosService) {}

  /** A grid worker's report (上报): location, category, description and up to 9 photos, multipart. */
  @Post('incidents/report')
  @Roles('grid_worker', 'street_operator', 'district_operator')
  @RateLimited('upload')
  @ApiConsumes('multipart/form-data')
  // Above the upload interceptors, so it runs inside them and fingerprints the uploaded photos.
  @Idempotent()
  @UseInterceptors(InterruptedUploads, PhotoLimitMessages, RemoveTemporaryPhotos, PhotosUpload)
  report(
    @CurrentUser() user: AuthUser,
    @Body() body: ReportIncidentDto,
    @UploadedFiles() files: UploadedPhoto[] | undefined,
  ): Promise<ReportedIncidentView> {
    return this.photos.report(user, body, files ?? []);
  }

  /** More photos for an incident, e.g. a duty officer's proof of resolution (with `dispatchId`). */
  @Post('incidents/:id/photos')
  @RateLimited('upload')
  @ApiConsumes('multipart/form-data')
  @Idempotent()
  @UseInterceptors(InterruptedUploads, PhotoLimitMessages, RemoveTemporaryPhotos, PhotosUpload)
  attach(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam) id: string,
    @Body() body: AttachPhotosDto,
    @UploadedFiles() files: UploadedPhoto[] | undefined,
  ): Promise<PhotoView[]> {
    return this.photos.attach(user, id, body, files ?? []);
  }

  @Get('incidents/:id/photos')
  list(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<PhotoView[]> {
    return this.photos.list(user, id);
  }

  // Private: only for users allowed to see the incident, never for shared caches.
  @Get('photos/:id')
  @Header('Cache-Control', 'private, max-age=86400')
  original(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<StreamableFile> {
    return this.stream(user, id, 'original');
  }

  @Get('photos/:id/thumbnail')
  @Header('Cache-Control', 'private, max-age=86400')
  thumbnail(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<StreamableFile> {
    return this.stream(user, id, 'thumbnail');
  }

  private async stream(
    user: AuthUser,
    id: string,
    variant: 'original' | 'thumbnail',
  ): Promise<StreamableFile> {
    const { stream, contentType } = await this.photos.open(user, id, variant);
    return new StreamableFile(stream, { type: contentType, disposition: 'inline' });
  }
}
