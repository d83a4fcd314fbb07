import { ApiProperty, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CATEGORY_CODES, type CreateDepartmentRequest, type DepartmentView } from '@whistle/shared';

const KINDS: readonly DepartmentView['kind'][] = ['department', 'utility'];

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @ApiProperty({ example: 'chengguan' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,31}$/, {
    message: 'code must be 2–32 lower-case letters, digits or dashes, starting with a letter',
  })
  code: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) nameZh: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) nameEn: string;
  @ApiProperty({ enum: KINDS }) @IsIn(KINDS) kind: DepartmentView['kind'];
  @ApiProperty({ type: [String], enum: CATEGORY_CODES })
  @IsArray()
  @ArrayMaxSize(CATEGORY_CODES.length)
  @ArrayUnique()
  @IsIn(CATEGORY_CODES, { each: true, message: 'categories must be category codes' })
  categories: string[];
}

/** Any subset of the fields; PartialType keeps each field's checks and makes it optional. */
export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto) {}
