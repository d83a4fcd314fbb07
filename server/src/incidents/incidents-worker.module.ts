import { Module } from '@nestjs/common';
import { BackgroundSweeps } from '../queues/background-sweeps';
import { IncidentsModule } from './incidents.module';
import { StandingRegister } from './standing-register';

/** Worker role only: the standing register's review reminders. */
@Module({ imports: [IncidentsModule] })
export class IncidentsWorkerModule {
  constructor(sweeps: BackgroundSweeps, register: StandingRegister) {
    sweeps.register(register.reminders);
  }
}
