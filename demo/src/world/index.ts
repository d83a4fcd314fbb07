/** The one demo world: what the seed writes, and what the simulator and benchmarks play with. */
export * from './accounts';
export * from './phrases';
export * from './places';
export * from './random';
export * from './scenarios';
