/**
 * A state machine as data: each transition names the action that fires it, the states it may
 * fire from, the state it leads to, and who may fire it. Server guards and dashboard buttons both
 * read these tables, so the rules live in one place.
 */
export interface Transition<S extends string, A extends string, Actor extends string> {
  action: A;
  from: readonly S[];
  to: S;
  by: readonly Actor[];
}

export type Machine<S extends string, A extends string, Actor extends string> = readonly Transition<
  S,
  A,
  Actor
>[];

export function findTransition<S extends string, A extends string, Actor extends string>(
  machine: Machine<S, A, Actor>,
  from: S,
  action: A,
): Transition<S, A, Actor> | undefined {
  return machine.find((t) => t.action === action && t.from.includes(from));
}

/** Actions that may be fired from `from` by any of `actors`. */
export function actionsFrom<S extends string, A extends string, Actor extends string>(
  machine: Machine<S, A, Actor>,
  from: S,
  actors: readonly Actor[],
): A[] {
  return machine
    .filter((t) => t.from.includes(from) && t.by.some((b) => actors.includes(b)))
    .map((t) => t.action);
}

/** Every action that may be fired from `from`, whoever fires it — used in 409 messages. */
export function allActionsFrom<S extends string, A extends string, Actor extends string>(
  machine: Machine<S, A, Actor>,
  from: S,
): A[] {
  return machine.filter((t) => t.from.includes(from)).map((t) => t.action);
}
