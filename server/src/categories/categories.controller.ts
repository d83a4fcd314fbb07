import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CATEGORIES, type CategoryView } from '@whistle/shared';

/** Categories are part of the shared contract, so both sides agree on codes and suggestions. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  @Get()
  list(): CategoryView[] {
    return CATEGORIES.map(({ code, nameZh, nameEn, suggestedDepartments }) => ({
      code,
      nameZh,
      nameEn,
      suggestedDepartments: [...suggestedDepartments],
    }));
  }
}
