import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { GridsService, type GridCollection } from './grids.service';

class GridsQuery {
  @IsOptional() @IsUUID() streetId?: string;
}

@ApiTags('reference')
@ApiBearerAuth()
@Controller('grids')
export class GridsController {
  constructor(private readonly grids: GridsService) {}

  /** Every grid as a GeoJSON FeatureCollection (properties: id, code, name, streetId, communityId, kind). */
  @Get()
  @ApiQuery({ name: 'streetId', required: false })
  list(@Query() query: GridsQuery): GridCollection {
    return this.grids.collection(query.streetId);
  }
}
