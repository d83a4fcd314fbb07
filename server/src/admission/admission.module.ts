import { AuditModule } from '../audit/audit.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdmissionController } from './admission.controller';
import { AdmissionEntry } from './admission-entry.entity';
import { AdmissionService } from './admission.service';

@Module({
  imports: [TypeOrmModule.forFeature([AdmissionEntry]), AuditModule],
  controllers: [AdmissionController],
  providers: [AdmissionService],
  exports: [AdmissionService],
})
export class AdmissionModule {}
