/** Shape of the vectors model/genVectors.py writes into f1Model.vectors.ts (all amounts decimal strings). */
export interface F1ValidatorState {
  readonly name: string;
  readonly tokens: string;
  readonly shares: string;
  readonly period: string;
  readonly current: string;
  readonly outstanding: string;
  readonly commission: string;
  /** [period, cumulative ratio, reference count], by period. */
  readonly historical: ReadonlyArray<readonly [string, string, number]>;
}

export interface F1State {
  readonly community: string;
  readonly distAccount: string;
  readonly validators: readonly F1ValidatorState[];
}

export interface F1Op {
  readonly height: string;
  readonly kind: "delegate" | "allocate" | "withdraw" | "undelegate" | "commission" | "slash";
  readonly delegator?: string;
  readonly validator?: string;
  readonly amount?: string;
  readonly issued?: string;
  readonly fees?: string;
  readonly votes?: ReadonlyArray<readonly [string, string]>;
  readonly paid?: string;
  readonly remainder?: string;
  readonly shares?: string;
  readonly returned?: string;
  readonly power?: string;
  readonly fraction?: string;
  readonly burned?: string;
  readonly effective?: string;
  /** Community pool after the operation. */
  readonly community: string;
  readonly state?: F1State;
}

export interface F1ModelCase {
  readonly name: string;
  readonly communityTax: string;
  readonly genesis: ReadonlyArray<{ readonly name: string; readonly rate: string; readonly selfBond: string }>;
  readonly ops: readonly F1Op[];
  readonly final: F1State;
}
