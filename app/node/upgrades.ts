/**
 * This binary's upgrade handlers: plan name → the migration it runs at the plan's height (see
 * app/modules/upgrade). A release that follows an upgrade proposal adds the plan's handler here;
 * until then a node reaching that plan's height stops with `UPGRADE "<name>" NEEDED …` and writes
 * upgrade-info.json, and the release with the handler continues from that height.
 */
import type { UpgradeHandler } from "../modules/upgrade/index.js";

export const UPGRADE_HANDLERS: ReadonlyMap<string, UpgradeHandler> = new Map();
