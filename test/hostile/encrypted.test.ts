/** Password-protected Word files (a Compound File holding EncryptionInfo): "encrypted", whatever the name. */
import { describeGroup } from "./group-suite.js";

describeGroup("encrypted", "encrypted files");
