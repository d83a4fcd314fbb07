import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { EventReplay } from './event-replay.service';
import { LiveGateway } from './live.gateway';

/** API role only: the socket.io gateway. */
@Module({ imports: [UsersModule], providers: [LiveGateway, EventReplay] })
export class LiveModule {}
