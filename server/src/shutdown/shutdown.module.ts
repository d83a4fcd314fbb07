import { Module } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown';

/** Every role: how the process stops on SIGTERM or SIGINT (see GracefulShutdown). */
@Module({ providers: [GracefulShutdown], exports: [GracefulShutdown] })
export class ShutdownModule {}
