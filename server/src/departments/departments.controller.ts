import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DepartmentView } from '@whistle/shared';
import { Audit, type AuditContext } from '../audit/audit-context';
import { Roles } from '../access/decorators';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('reference')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  list(): Promise<DepartmentView[]> {
    return this.departments.list();
  }

  /** 系统管理 · 部门: a new department or utility; 409 when its code is taken. */
  @Post()
  @Roles('admin')
  @Idempotent()
  create(@Body() body: CreateDepartmentDto, @Audit() audit: AuditContext): Promise<DepartmentView> {
    return this.departments.create(body, audit);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', uuidParam) id: string,
    @Body() body: UpdateDepartmentDto,
    @Audit() audit: AuditContext,
  ): Promise<DepartmentView> {
    return this.departments.update(id, body, audit);
  }
}
