import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { StreetsModule } from '../streets/streets.module';
import { AdmissionController } from './admission.controller';
import { AdmissionEntry } from './admission-entry.entity';
import { AdmissionService } from './admission.service';

@Module({
  imports: [TypeOrmModule.forFeature([AdmissionEntry]), AuditModule, StreetsModule],
  controllers: [AdmissionController],
  providers: [AdmissionService],
  exports: [AdmissionService],
})
export class AdmissionModule {}
