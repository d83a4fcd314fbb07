import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthSession } from './auth-session.entity';
import { SessionsService } from './sessions.service';

/** Signed-in sessions and their refresh tokens; auth signs in through it, user admin revokes through it. */
@Module({
  imports: [TypeOrmModule.forFeature([AuthSession])],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
