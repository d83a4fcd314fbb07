import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MonthlyReport } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { MonthlyReportDto } from './dto/monthly-report.dto';
import { MonthlyReportService } from './monthly-report.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class MonthlyReportController {
  constructor(private readonly reports: MonthlyReportService) {}

  @Get('monthly')
  @Roles('district_leader', 'district_operator', 'admin')
  @ApiOperation({
    summary: 'The monthly assessment report (月度考核) of the caller’s district',
    description:
      'Per department and per street: the figures, weights and scores of DESIGN.md §3 over one ' +
      'calendar month in China time, ranked. The running month is allowed and marked partial. ' +
      'District roles only: departments see their own score elsewhere, as aggregates (back-to-back).',
  })
  @ApiOkResponse({ description: 'MonthlyReport (see @whistle/shared)' })
  @ApiBadRequestResponse({ description: 'month missing, not YYYY-MM, in the future or before 2020-01' })
  @ApiForbiddenResponse({ description: 'Streets, departments and grid workers' })
  monthly(@CurrentUser() user: AuthUser, @Query() query: MonthlyReportDto): Promise<MonthlyReport> {
    return this.reports.report(user.districtId, query.month);
  }
}
