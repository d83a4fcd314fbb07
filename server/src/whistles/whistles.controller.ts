import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { WhistleView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { BlowWhistleDto } from './dto/blow-whistle.dto';
import { WhistlesService } from './whistles.service';

@ApiTags('whistles')
@ApiBearerAuth()
@Controller('incidents/:incidentId/whistles')
export class WhistlesController {
  constructor(private readonly whistles: WhistlesService) {}

  /** 吹哨: summon departments; answers with one dispatch per department and its stage deadlines. */
  @Post()
  @Idempotent()
  @Roles('street_operator', 'district_operator', 'admin')
  blow(
    @CurrentUser() user: AuthUser,
    @Param('incidentId', uuidParam) incidentId: string,
    @Body() body: BlowWhistleDto,
  ): Promise<WhistleView> {
    return this.whistles.blow(user, incidentId, body);
  }
}
