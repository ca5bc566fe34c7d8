/** Bugs fail loudly (after votingworks' libs/basics/src/assert.ts). */
export function assert(condition: unknown, message = "assertion failed"): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertDefined<T>(value: T | null | undefined, message = "value is not defined"): T {
  if (value === null || value === undefined) throw new Error(message);
  return value;
}

/** For the default branch of an exhaustive switch: the compiler proves it unreachable. */
export function throwIllegalValue(value: never, what = "value"): never {
  throw new Error(`illegal ${what}: ${JSON.stringify(value)}`);
}
