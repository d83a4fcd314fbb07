import { Module } from '@nestjs/common';
import { BasemapController } from './basemap.controller';

/** Tells the dashboard where its basemap comes from and serves a local PMTiles archive. */
@Module({ controllers: [BasemapController] })
export class BasemapModule {}
