import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module';
import { CategoriesController } from './categories.controller';

@Module({ imports: [DepartmentsModule], controllers: [CategoriesController] })
export class CategoriesModule {}
