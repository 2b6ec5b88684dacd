/** YAML: alias bombs, wrong types, unknown tags, duplicate keys, binary junk. Deep nesting is in limits.test.ts. */
import { describeGroup } from "./group-suite.js";

describeGroup("yaml", "YAML files");
