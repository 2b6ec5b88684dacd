/** Text: GBK, UTF-16, BOM and CRLF, mixed encodings, binary junk, a header without indicators. The 20 MB lines are in limits.test.ts. */
import { describeGroup } from "./group-suite.js";

describeGroup("text", "text files");
