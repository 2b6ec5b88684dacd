import { describe, expect, it } from "vitest";
import { remembering } from "../../src/util/remember.js";

describe("remembering", () => {
  const counting = <V>(answer: (key: string) => V) => {
    const calls: string[] = [];
    return { calls, compute: (key: string) => (calls.push(key), answer(key)) };
  };

  it("computes each key once, undefined answers included", () => {
    const { calls, compute } = counting((k) => (k === "none" ? undefined : k.length));
    const f = remembering(compute, { max: 10 });
    expect([f("ab"), f("ab"), f("none"), f("none")]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(["ab", "none"]);
  });

  it("keeps at most `max` answers, then forgets them all and starts again", () => {
    const { calls, compute } = counting((k) => k.toUpperCase());
    const f = remembering(compute, { max: 2 });
    f("a");
    f("b");
    f("c"); // full: a and b are forgotten, c kept
    f("c");
    f("a");
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });

  it("answers keys longer than maxKeyLength without keeping them", () => {
    const { calls, compute } = counting((k) => k.length);
    const f = remembering(compute, { max: 10, maxKeyLength: 3 });
    expect([f("abcd"), f("abcd"), f("abc"), f("abc")]).toEqual([4, 4, 3, 3]);
    expect(calls).toEqual(["abcd", "abcd", "abc"]);
  });
});
