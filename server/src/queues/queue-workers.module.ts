import { Global, Module } from '@nestjs/common';
import { JobHandlerRegistry } from './job-handler-registry';

/** Worker role only: the registry every processor signs into, checked once the app has booted. */
@Global()
@Module({ providers: [JobHandlerRegistry], exports: [JobHandlerRegistry] })
export class QueueWorkersModule {}
