/**
 * A message the server writes for people, given also as a stable `code` and the `params` it
 * interpolates (names, codes, numbers), so a client can say it in its own language. `Params` maps
 * each code to the shape of its params; the union keeps every code with its own params.
 */
export type CodedMessage<Params> = {
  [Code in keyof Params]: { code: Code; params: Params[Code] };
}[keyof Params];

/** What a coded message's params hold: the values a translation interpolates. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;
