/**
 * `compute` with its answers remembered by key: forms repeat the same labels, cell texts and
 * message templates thousands of times in a batch. At most `max` answers are kept; past that all
 * are forgotten at once, which bounds memory without bookkeeping. Keys longer than
 * `maxKeyLength` are answered but not kept. `compute` must be pure; an answer it returns may be
 * handed out again, so objects should be frozen.
 */
export function remembering<V>(compute: (key: string) => V, options: { max: number; maxKeyLength?: number }): (key: string) => V {
  const answers = new Map<string, V>();
  const maxKeyLength = options.maxKeyLength ?? Infinity;
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) return known as V;
    const answer = compute(key);
    if (key.length <= maxKeyLength) {
      if (answers.size >= options.max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
