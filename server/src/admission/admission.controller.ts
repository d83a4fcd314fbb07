import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { CATEGORY_CODES } from '@whistle/shared';
import { Audit, type AuditContext } from '../audit/audit-context';
import { Roles } from '../access/decorators';
import { uuidParam } from '../common/uuid-param';
import { AdmissionService } from './admission.service';

class AdmissionListDto {
  @IsArray() @ArrayMaxSize(100) @IsIn(CATEGORY_CODES, { each: true }) categories: string[];
}

@ApiTags('admission')
@ApiBearerAuth()
@Controller('streets/:streetId/admission-list')
export class AdmissionController {
  constructor(private readonly admission: AdmissionService) {}

  @Get()
  async get(
    @Param('streetId', uuidParam) streetId: string,
  ): Promise<{ streetId: string; categories: string[] }> {
    return { streetId, categories: await this.admission.listFor(streetId) };
  }

  @Put()
  @Roles('admin')
  async put(
    @Param('streetId', uuidParam) streetId: string,
    @Body() body: AdmissionListDto,
    @Audit() audit: AuditContext,
  ): Promise<{ streetId: string; categories: string[] }> {
    return { streetId, categories: await this.admission.replace(streetId, body.categories, audit) };
  }
}
