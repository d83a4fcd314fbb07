import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '@whistle/shared';
import { Audit, type AuditContext } from '../audit/audit-context';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { uuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Admins issue keys to Open311 clients (the 12345 app, vendors) and revoke them. */
@ApiTags('open311-keys')
@ApiBearerAuth()
@Roles('admin')
@Controller('open311-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  /** The answer holds the key itself, shown once: a repeat with the same Idempotency-Key is told, not shown it. */
  @Post()
  @Idempotent({ withholdAnswer: true })
  issue(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateApiKeyDto,
    @Audit() audit: AuditContext,
  ): Promise<IssuedOpen311ApiKey> {
    return this.keys.issue(user, dto, audit);
  }

  @Get()
  list(): Promise<Open311ApiKeyView[]> {
    return this.keys.list();
  }

  @Delete(':id')
  revoke(@Param('id', uuidParam) id: string, @Audit() audit: AuditContext): Promise<Open311ApiKeyView> {
    return this.keys.revoke(id, audit);
  }
}
