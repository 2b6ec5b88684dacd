import { describe, expect, it } from "vitest";
import { compileGlob, couldContainMatches, expandBraces, hasGlob, splitGlobBase } from "../../src/batch/glob.js";

describe("glob", () => {
  it("recognises patterns", () => {
    expect(hasGlob("forms/*.docx")).toBe(true);
    expect(hasGlob("forms/a?.txt")).toBe(true);
    expect(hasGlob("{a,b}.docx")).toBe(true);
    expect(hasGlob("forms/衡东县.docx")).toBe(false);
  });

  it("expands braces, nested and several", () => {
    expect(expandBraces("a/{x,y}.{docx,txt}")).toEqual(["a/x.docx", "a/x.txt", "a/y.docx", "a/y.txt"]);
    expect(expandBraces("{a,b{1,2}}")).toEqual(["a", "b1", "b2"]);
    expect(expandBraces("no{brace}")).toEqual(["no{brace}"]);
  });

  it("splits the literal base from the pattern", () => {
    expect(splitGlobBase("forms/2023/*.docx")).toEqual({ base: "forms/2023", rest: ["*.docx"] });
    expect(splitGlobBase("**/*.txt")).toEqual({ base: ".", rest: ["**", "*.txt"] });
    expect(splitGlobBase("/abs/dir/**")).toEqual({ base: "/abs/dir", rest: ["**"] });
  });

  it("matches * and ? within a segment, never a leading dot", () => {
    const m = compileGlob(["*.docx"]);
    expect(m("a.docx")).toBe(true);
    expect(m("sub/a.docx")).toBe(false);
    expect(m(".hidden.docx")).toBe(false);
    expect(compileGlob(["表?.txt"])("表1.txt")).toBe(true);
    expect(compileGlob(["表?.txt"])("表12.txt")).toBe(false);
  });

  it("matches ** across folders, including none", () => {
    const m = compileGlob(["**", "*.docx"]);
    expect(m("a.docx")).toBe(true);
    expect(m("x/y/a.docx")).toBe(true);
    expect(m("x/.git/a.docx")).toBe(false);
    expect(m("x/a.txt")).toBe(false);
    const all = compileGlob(["dept", "**"]);
    expect(all("dept/a/b.txt")).toBe(true);
    expect(all("other/b.txt")).toBe(false);
  });

  it("escapes regex characters in literal parts", () => {
    const m = compileGlob(["a+b(1).txt"]);
    expect(m("a+b(1).txt")).toBe(true);
    expect(m("aab1.txt")).toBe(false);
  });

  it("prunes folders that cannot match", () => {
    const fixed = couldContainMatches(["2023*", "*.docx"]);
    expect(fixed("2023a")).toBe(true);
    expect(fixed("2022")).toBe(false);
    expect(fixed("2023a/deeper")).toBe(false);
    const deep = couldContainMatches(["a", "**", "*.txt"]);
    expect(deep("a/b/c/d")).toBe(true);
    expect(deep("b")).toBe(false);
  });
});
