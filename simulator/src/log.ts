import { formatSimClock, simMinuteAt } from './timing';

/** Where log lines go: standard output for the CLI, a buffer when the simulation runs inside a test. */
export type LogSink = (line: string) => void;

/** One line per notable action, stamped with the simulated clock and the real time since start. */
export class Log {
  private startedAt = Date.now();

  constructor(
    private readonly compression: number,
    private readonly sink: LogSink = (line) => console.log(line),
  ) {}

  /** Restarts both clocks once everyone is signed in, so the day starts at 08:00 whatever start-up took. */
  begin(): void {
    this.startedAt = Date.now();
  }

  get simMinute(): number {
    return simMinuteAt(Date.now() - this.startedAt, this.compression);
  }

  info(message: string): void {
    this.sink(`${this.stamp()} ${message}`);
  }

  warn(message: string): void {
    this.sink(`${this.stamp()} ! ${message}`);
  }

  private stamp(): string {
    const real = Math.floor((Date.now() - this.startedAt) / 1000);
    const mm = String(Math.floor(real / 60)).padStart(2, '0');
    const ss = String(real % 60).padStart(2, '0');
    return `[${formatSimClock(this.simMinute)} | +${mm}:${ss}]`;
  }
}
