import { Body, Controller, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { HotlineImportReport, HotlineOrderResult, HotlineSatisfactionResult } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { CurrentUser, Roles } from '../access/decorators';
import { InterruptedUploads } from '../common/interrupted-upload.interceptor';
import { RateLimited } from '../rate-limits/rate-limited.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { SatisfactionDto } from './dto/satisfaction.dto';
import { fileRefused } from './hotline-error';
import type { UploadedHotlineFile } from './hotline-file';
import { HotlineImportService } from './hotline-import.service';
import { HotlineOrdersService } from './hotline-orders.service';

/** Batch files beyond this are refused (413) while uploading; 50 MB is a few hundred thousand orders. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * 12345 hotline intake. The hotline centre is district-level, so its orders come in with a
 * district operator's (or admin's) token — an integration uses a service account of that role.
 */
@ApiTags('hotline')
@ApiBearerAuth()
@Roles('district_operator', 'admin')
@Controller('hotline')
export class HotlineController {
  constructor(
    private readonly imports: HotlineImportService,
    private readonly orders: HotlineOrdersService,
  ) {}

  /**
   * A CSV, Excel (.xlsx) or JSON batch file under `file`; the upload spools to a temporary file (multer's disk
   * storage, which also removes it when the upload fails or is cut off) and is streamed from there.
   */
  @Post('imports')
  @HttpCode(200)
  @RateLimited('import')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(
    InterruptedUploads,
    FileInterceptor('file', { dest: tmpdir(), limits: { fileSize: MAX_FILE_BYTES, files: 1 } }),
  )
  async import(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedHotlineFile | undefined,
  ): Promise<HotlineImportReport> {
    if (!file) {
      throw fileRefused({ code: 'file_missing', params: {} });
    }
    try {
      return await this.imports.import(user, file);
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** One order (JSON): 201 with its new incident, 200 when the order was already in. */
  @Post('orders')
  @Idempotent()
  @ApiBody({
    description: 'One 12345 order; keys may also be the Chinese column names (工单编号, 受理时间, …)',
    schema: {
      type: 'object',
      required: ['orderNo', 'receivedAt', 'category', 'description'],
      example: {
        orderNo: '12345-20261121-000123',
        receivedAt: '2026-11-21 08:00:00',
        category: '违章停车',
        description: '小区门口车辆乱停放，堵塞消防通道',
        lng: 118.788,
        lat: 32.021,
        citizenPhone: '13812345678',
        satisfaction: '满意',
      },
    },
  })
  async receive(
    @CurrentUser() user: AuthUser,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HotlineOrderResult> {
    const result = await this.orders.receive(user, body);
    res.status(result.outcome === 'created' ? 201 : 200);
    return result;
  }

  /** The citizen's answer to the hotline's call-back (回访), recorded onto the order's incident. */
  @Post('orders/:orderNo/satisfaction')
  @HttpCode(200)
  recordSatisfaction(
    @CurrentUser() user: AuthUser,
    @Param('orderNo') orderNo: string,
    @Body() body: SatisfactionDto,
  ): Promise<HotlineSatisfactionResult> {
    return this.orders.recordSatisfaction(user, orderNo, body.result);
  }
}
