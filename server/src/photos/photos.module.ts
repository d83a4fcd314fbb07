import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config';
import { IncidentsModule } from '../incidents/incidents.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { IncomingPhotoSweeper, incomingPhotoDir, incomingPhotoStorage } from './incoming-photos';
import { LocalPhotoStorage } from './local-photo-storage';
import { PhotoFiles } from './photo-files.service';
import { PHOTO_STORAGE } from './photo-storage';
import { PhotosController } from './photos.controller';
import { PhotosService } from './photos.service';
import { IdempotencyModule } from '../idempotency/idempotency.module';

@Module({
  imports: [
    IdempotencyModule,
    IncidentsModule,
    RateLimitsModule,
    // The photo routes' multer storage: uploads stream to temporary files beside the store.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ storage: incomingPhotoStorage(incomingPhotoDir(config)) }),
    }),
  ],
  controllers: [PhotosController],
  providers: [
    // The local volume by default; an S3-compatible store replaces this one provider.
    {
      provide: PHOTO_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalPhotoStorage(resolve(config.PHOTO_DIR)),
    },
    PhotoFiles,
    PhotosService,
    IncomingPhotoSweeper,
  ],
})
export class PhotosModule {}
