/** XML dangers: DOCTYPEs with external or nested entities. Deep nesting and huge cells are in limits.test.ts. */
import { describeGroup } from "./group-suite.js";

describeGroup("xml", "XML dangers");
