import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATEGORIES, type CategoryView } from '@whistle/shared';
import { DepartmentsService } from '../departments/departments.service';

/**
 * Category codes and names are part of the shared contract; which departments each one suggests
 * comes from the departments' stored categories, so an administrator's edit takes effect at once.
 */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  async list(): Promise<CategoryView[]> {
    const codes = await this.departments.codesByCategory();
    return CATEGORIES.map(({ code, nameZh, nameEn }) => ({
      code,
      nameZh,
      nameEn,
      suggestedDepartments: codes.get(code) ?? [],
    }));
  }
}
