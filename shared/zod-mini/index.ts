// The zod/mini functions our contracts use, built once by the root config and mapped in the import map as
// "zod/mini", so every team's client parses with one shared copy instead of bundling its own.
// zod-mini.test.ts fails when browser code calls a function missing here: add it to this list.
export {
  _default,
  array,
  enum,
  int,
  maxLength,
  minLength,
  nullable,
  number,
  object,
  optional,
  pipe,
  regex,
  string,
  transform,
  trim,
} from 'zod/mini';
