/**
 * The NozPrice and NozSupply queries of sds (spec-sds §5, §6) evaluate register's ozone formulas on
 * register state. spec-sds §9.2 asks for one implementation shared by sds, pot and register, so they
 * live in register/logic/ozone.ts and are re-exported here for sds's query handlers.
 */
export { nozPrice, nozSupply, totalNozSupply } from "../../register/logic/ozone.js";
