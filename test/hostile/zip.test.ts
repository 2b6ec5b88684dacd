/** Zip dangers: entries named ../ or /abs (never extracted), no word/document.xml, duplicate and encrypted entries. The bombs are in limits.test.ts. */
import { describeGroup } from "./group-suite.js";

describeGroup("zip", "zip dangers");
