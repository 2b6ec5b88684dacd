/** Wrong names: text or .doc saved as .docx, .docx saved as .doc, web pages, RTF and Word XML saved as .doc, PDFs. */
import { describeGroup } from "./group-suite.js";

describeGroup("names", "wrong names");
