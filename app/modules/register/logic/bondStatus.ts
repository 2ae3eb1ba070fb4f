/** `cosmos.staking.v1beta1.BondStatus` numbers, as stored and as proto enums (spec-register §0). */
export const BondStatus = { Unspecified: 0, Unbonded: 1, Unbonding: 2, Bonded: 3 } as const;
export type BondStatus = (typeof BondStatus)[keyof typeof BondStatus];
