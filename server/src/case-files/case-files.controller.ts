import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IncidentDetail } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser } from '../access/decorators';
import { uuidParam } from '../common/uuid-param';
import { CaseFileService } from './case-file.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class CaseFilesController {
  constructor(private readonly caseFiles: CaseFileService) {}

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam) id: string): Promise<IncidentDetail> {
    return this.caseFiles.detail(user, id);
  }
}
