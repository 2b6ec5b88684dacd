/** Empty files, random bytes, truncated .docx and .doc, a .docx whose XML is cut off. */
import { describeGroup } from "./group-suite.js";

describeGroup("broken", "broken files");
