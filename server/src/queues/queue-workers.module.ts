import { Global, Module } from '@nestjs/common';
import { BackgroundSweeps } from './background-sweeps';
import { JobHandlerRegistry } from './job-handler-registry';

/**
 * Worker role only: the registries every processor and every background sweep signs into, checked
 * once the app has booted. A sweep registered outside the worker role finds no registry to sign
 * into, and that process does not start.
 */
@Global()
@Module({
  providers: [JobHandlerRegistry, BackgroundSweeps],
  exports: [JobHandlerRegistry, BackgroundSweeps],
})
export class QueueWorkersModule {}
