import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { EventReplay } from './event-replay.service';
import { LiveGateway } from './live.gateway';
import { SessionSweeper } from './session-sweeper.service';
import { AuthModule } from '../auth/auth.module';
import { ObservabilityModule } from '../observability/observability.module';

/** API role only: the socket.io gateway. */
@Module({
  imports: [AuthModule, ObservabilityModule, UsersModule, SessionsModule],
  providers: [LiveGateway, EventReplay, SessionSweeper],
})
export class LiveModule {}
