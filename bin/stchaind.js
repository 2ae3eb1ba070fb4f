#!/usr/bin/env node
// The `stchaind` bin of package.json: loads tsx, then runs the TypeScript entry (app/cli/stchaind.ts).
import { register } from "tsx/esm/api";

register();
await import("../app/cli/stchaind.ts");
