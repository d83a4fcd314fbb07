import { ApiProperty } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsNumber } from 'class-validator';
import type { LngLat } from '@whistle/shared';

export class LngLatDto implements LngLat {
  @ApiProperty({ example: 118.788 }) @IsNumber() @IsLongitude() lng: number;
  @ApiProperty({ example: 32.021 }) @IsNumber() @IsLatitude() lat: number;
}
