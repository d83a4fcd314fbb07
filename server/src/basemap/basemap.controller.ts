import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BasemapView } from '@whistle/shared';
import { Public } from '../access/decorators';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config';
import { basemapView, localPmtilesFile } from './basemap-setting';

/**
 * The basemap setting and the local PMTiles archive. Both are public: the map library fetches tiles
 * without the bearer header, and a basemap of the district is no secret.
 */
@ApiTags('reference')
@Public()
@Controller('basemap')
export class BasemapController {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  @Get()
  setting(): BasemapView {
    return basemapView(this.config);
  }

  /** The archive with HTTP range support (sendFile answers Range with 206), as PMTiles reads it. */
  @Get('tiles.pmtiles')
  tiles(@Res() res: Response): void {
    const file = localPmtilesFile(this.config);
    if (!file || !existsSync(file)) throw new NotFoundException('No local basemap archive is configured');
    res.sendFile(resolve(file), {
      acceptRanges: true,
      maxAge: '1h',
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  }
}
