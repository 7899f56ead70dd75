// `fn` computed once per argument, for pure functions of a string that the
// build calls again and again with the same few thousand values (file names,
// routes, links, words). No Node import: the theme's server code uses it too.

/**
 * `fn` remembered per argument. With `limit`, the memory starts again when it
 * holds that many answers, so that a huge input cannot make it grow without end.
 */
export function once<T>(fn: (s: string) => T, limit = Infinity): (s: string) => T {
  const seen = new Map<string, T>()
  return (s) => {
    let v = seen.get(s)
    if (v === undefined) {
      if (seen.size >= limit) seen.clear()
      seen.set(s, (v = fn(s)))
    }
    return v
  }
}
