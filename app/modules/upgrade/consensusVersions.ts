/**
 * The modules' consensus versions as the reference reports them (each module's `ConsensusVersion()`
 * in cosmos-sdk v0.47 and stratos-chain v0.12.2), stored by InitChain as the version map that upgrade
 * handlers migrate from and `ModuleVersions` serves. Only modules this chain runs are listed at
 * genesis (app/node/app.ts picks them by name).
 */
export const REFERENCE_CONSENSUS_VERSIONS: Readonly<Record<string, bigint>> = {
  auth: 4n,
  authz: 2n,
  bank: 4n,
  capability: 1n,
  consensus: 1n,
  crisis: 2n,
  distribution: 3n,
  evidence: 1n,
  evm: 2n,
  feegrant: 2n,
  genutil: 1n,
  gov: 4n,
  mint: 2n,
  params: 1n,
  pot: 2n,
  register: 2n,
  sds: 2n,
  slashing: 3n,
  staking: 4n,
  upgrade: 2n,
  vesting: 1n,
};
