/**
 * The last branch of a switch over a closed union (element types above all): `default: return
 * assertNever(block)` makes the switch fail to compile when a member is added and not handled, instead of
 * falling through to a generic branch that renders the new element wrong or not at all.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
