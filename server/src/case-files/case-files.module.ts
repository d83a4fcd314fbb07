import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { UsersModule } from '../users/users.module';
import { CaseFileService } from './case-file.service';
import { CaseFilesController } from './case-files.controller';

/**
 * GET /api/incidents/:id. Registered after IncidentsModule (see app.module.ts): Express matches
 * routes in registration order, and /api/incidents/points must reach the incidents controller first.
 */
@Module({
  imports: [IncidentsModule, UsersModule],
  controllers: [CaseFilesController],
  providers: [CaseFileService],
})
export class CaseFilesModule {}
