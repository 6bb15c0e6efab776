// The fast lane's setup (vitest.unit.config.ts): the run's own HOME and temp folder, no build of dist/.
import { isolate } from "./global-setup.js";

export default isolate;
