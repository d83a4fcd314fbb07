import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NamedView, StreetView } from '@whistle/shared';
import { uuidParam } from '../common/uuid-param';
import { StreetsService } from './streets.service';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('streets')
export class StreetsController {
  constructor(private readonly streets: StreetsService) {}

  @Get()
  list(): Promise<StreetView[]> {
    return this.streets.list();
  }

  @Get(':id/communities')
  communities(@Param('id', uuidParam) id: string): Promise<NamedView[]> {
    return this.streets.communities(id);
  }
}
