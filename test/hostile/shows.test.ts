/** What Word shows is what is read: hidden text, Markup Compatibility, namespaces, CDATA, invisible characters. */
import { describeGroup } from "./group-suite.js";

describeGroup("shows", "what Word shows");
