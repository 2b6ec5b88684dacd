/**
 * Run tasks 0..count-1 concurrently and yield their results in index order, as soon as every
 * earlier result is in. At most `window` results are started but not yet yielded, so memory stays
 * bounded however many tasks there are, and one slow task cannot make the rest pile up.
 */
export interface OrderedOptions {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks started but not yet yielded (running or waiting for an earlier one); ≥ concurrency. */
  window: number;
  /** When aborted, no new task starts; those already started are still yielded. */
  signal?: AbortSignal;
}

export async function* orderedMap<R>(count: number, start: (index: number) => Promise<R>, options: OrderedOptions): AsyncGenerator<R> {
  const concurrency = Math.max(1, options.concurrency);
  const window = Math.max(concurrency, options.window);
  const done = new Map<number, { ok: true; value: R } | { ok: false; error: unknown }>();
  let next = 0;
  let emit = 0;
  let running = 0;
  let wake: (() => void) | undefined;
  const onAbort = () => wake?.();
  options.signal?.addEventListener("abort", onAbort);

  const launch = (index: number) => {
    running++;
    let p: Promise<R>;
    try {
      p = start(index);
    } catch (error) {
      p = Promise.reject(error);
    }
    p.then(
      (value) => done.set(index, { ok: true, value }),
      (error: unknown) => done.set(index, { ok: false, error }),
    ).finally(() => {
      running--;
      wake?.();
    });
  };

  try {
    for (;;) {
      while (!options.signal?.aborted && next < count && running < concurrency && next - emit < window) launch(next++);
      const ready = done.get(emit);
      if (ready) {
        done.delete(emit);
        emit++;
        if (!ready.ok) throw ready.error;
        yield ready.value;
        continue;
      }
      // Everything started has been yielded: finished, or stopped by an abort.
      if (emit >= next && (next >= count || options.signal?.aborted)) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}
