import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DepartmentView } from '@whistle/shared';
import { DepartmentsService } from './departments.service';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  list(): Promise<DepartmentView[]> {
    return this.departments.list();
  }
}
