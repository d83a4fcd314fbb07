import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { CreateOpen311ApiKeyRequest } from '@whistle/shared';

export class CreateApiKeyDto implements CreateOpen311ApiKeyRequest {
  @ApiProperty({ description: 'Who the key is for, e.g. the 12345 app or a vendor' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ description: "POSTs per minute; the server's default when absent" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rateLimitPerMinute?: number;
}
