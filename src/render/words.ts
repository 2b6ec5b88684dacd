import { PRINTED_WORDS } from "../model/terms.js";
import { officialPunctuation } from "./typography.js";

/** The printed words, with the full-width punctuation of the official forms. */
export const PRINTED = {
  seal: officialPunctuation(PRINTED_WORDS.seal),
} as const;
