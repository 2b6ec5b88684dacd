import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RenderLayout } from "../../src/render/layout.js";
import { arbitraryForm } from "./helpers/arbitrary-form.js";
import { comparable, roundTrip } from "./helpers/roundtrip.js";

/*
 * Random valid Forms (long texts, empty cells, many rows, placeholder rows, every optional field
 * and column) come back unchanged from render → parse, in every layout.
 */
describe("property: parse(render(form)) equals form", () => {
  for (const layout of ["L1", "L2", "L5"] as RenderLayout[]) {
    it(`layout ${layout}`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryForm(layout), fc.boolean(), async (form, landscape) => {
          const back = await roundTrip(form, { layout, landscape });
          expect(comparable(back)).toEqual(comparable(form));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("a long table (150 rows with long texts) in L1", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryForm("L1", { minRows: 100, maxRows: 150 }), async (form) => {
        expect(comparable(await roundTrip(form, { layout: "L1" }))).toEqual(comparable(form));
      }),
      { numRuns: 2 },
    );
  });
});
