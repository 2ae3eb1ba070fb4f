/**
 * Reference vectors produced by running the Go reference (stratosnet/cosmos-sdk v0.47.12 fork, the
 * x/auth and x/bank keepers, codec and query servers, with the Stratos module-account table and
 * blocked list of spec-chain §9) on an in-memory IAVL multistore, then printing keys, store values,
 * exported genesis JSON, events, errors, gas and query responses. The generator is the Go program in
 * scripts/bank-golden/ (regenerate with `bash scripts/bank-golden/generate.sh`); the values below are
 * its output, unedited (panic values are given without Go's source-location suffix).
 */

export const ADDR = {
  "A": "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv",
  "B": "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9",
  "C": "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
  "D": "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h",
  "E": "st1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcr72jgdk",
  "F": "st1pu8s7rc0pu8s7rc0pu8s7rc0pu8s7rc0qkxeze",
  "NINES": "st1pyysjzgfpyysjzgfpyysjzgfpyysjzgfpkqa0y",
  "distribution": "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz"
} as const;

/** Genesis `app_state.auth` / `app_state.bank` the scenario starts from. */
export const GENESIS_AUTH = {
  "params": {
    "max_memo_characters": "256",
    "tx_sig_limit": "7",
    "tx_size_cost_per_byte": "10",
    "sig_verify_cost_ed25519": "590",
    "sig_verify_cost_secp256k1": "1000"
  },
  "accounts": [
    {
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      "address": "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv",
      "pub_key": null,
      "account_number": "0",
      "sequence": "0"
    },
    {
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      "address": "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9",
      "pub_key": {"@type": "/cosmos.crypto.secp256k1.PubKey", "key": "Anm+Zn753LusVaBilc6HCwcCm/zbLc4o2VnygVsW+BeY"},
      "account_number": "3",
      "sequence": "2"
    },
    {
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      "address": "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
      "pub_key": null,
      "account_number": "3",
      "sequence": "0"
    },
    {
      "@type": "/cosmos.auth.v1beta1.ModuleAccount",
      "base_account": {
        "address": "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz",
        "pub_key": null,
        "account_number": "9",
        "sequence": "0"
      },
      "name": "distribution",
      "permissions": ["burner"]
    }
  ]
};
export const GENESIS_BANK = {
  "params": {"send_enabled": [], "default_send_enabled": true},
  "balances": [
    {
      "address": "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
      "coins": [
        {"denom": "aaa", "amount": "1"},
        {"denom": "bbb", "amount": "2"},
        {"denom": "ccc", "amount": "3"},
        {"denom": "ddd", "amount": "4"},
        {"denom": "eee", "amount": "5"}
      ]
    },
    {
      "address": "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv",
      "coins": [{"denom": "stos", "amount": "5"}, {"denom": "wei", "amount": "1000"}]
    },
    {"address": "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9", "coins": [{"denom": "wei", "amount": "20"}]}
  ],
  "supply": [],
  "denom_metadata": [
    {
      "description": "The native token",
      "denom_units": [
        {"denom": "wei", "exponent": 0, "aliases": []},
        {"denom": "gwei", "exponent": 9, "aliases": ["nanostos"]},
        {"denom": "stos", "exponent": 18, "aliases": []}
      ],
      "base": "wei",
      "display": "stos",
      "name": "Stratos",
      "symbol": "STOS",
      "uri": "",
      "uri_hash": ""
    }
  ],
  "send_enabled": [{"denom": "zzz", "enabled": false}, {"denom": "yyy", "enabled": true}]
};

/** What the reference's ExportGenesis returns right after InitGenesis (proto-JSON, compact). */
export const EXPORTED_AUTH = {
  "params": {
    "max_memo_characters": "256",
    "tx_sig_limit": "7",
    "tx_size_cost_per_byte": "10",
    "sig_verify_cost_ed25519": "590",
    "sig_verify_cost_secp256k1": "1000"
  },
  "accounts": [
    {
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      "address": "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
      "pub_key": null,
      "account_number": "1",
      "sequence": "0"
    },
    {
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      "address": "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9",
      "pub_key": {"@type": "/cosmos.crypto.secp256k1.PubKey", "key": "Anm+Zn753LusVaBilc6HCwcCm/zbLc4o2VnygVsW+BeY"},
      "account_number": "3",
      "sequence": "2"
    },
    {
      "@type": "/cosmos.auth.v1beta1.BaseAccount",
      "address": "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv",
      "pub_key": null,
      "account_number": "0",
      "sequence": "0"
    },
    {
      "@type": "/cosmos.auth.v1beta1.ModuleAccount",
      "base_account": {
        "address": "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz",
        "pub_key": null,
        "account_number": "9",
        "sequence": "0"
      },
      "name": "distribution",
      "permissions": ["burner"]
    },
    {
      "@type": "/cosmos.auth.v1beta1.ModuleAccount",
      "base_account": {
        "address": "st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q",
        "pub_key": null,
        "account_number": "10",
        "sequence": "0"
      },
      "name": "fee_collector",
      "permissions": []
    }
  ]
};
export const EXPORTED_BANK = {
  "params": {"send_enabled": [], "default_send_enabled": true},
  "balances": [
    {
      "address": "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
      "coins": [
        {"denom": "aaa", "amount": "1"},
        {"denom": "bbb", "amount": "2"},
        {"denom": "ccc", "amount": "3"},
        {"denom": "ddd", "amount": "4"},
        {"denom": "eee", "amount": "5"}
      ]
    },
    {"address": "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9", "coins": [{"denom": "wei", "amount": "20"}]},
    {
      "address": "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv",
      "coins": [{"denom": "stos", "amount": "5"}, {"denom": "wei", "amount": "1000"}]
    }
  ],
  "supply": [
    {"denom": "aaa", "amount": "1"},
    {"denom": "bbb", "amount": "2"},
    {"denom": "ccc", "amount": "3"},
    {"denom": "ddd", "amount": "4"},
    {"denom": "eee", "amount": "5"},
    {"denom": "stos", "amount": "5"},
    {"denom": "wei", "amount": "1020"}
  ],
  "denom_metadata": [
    {
      "description": "The native token",
      "denom_units": [
        {"denom": "wei", "exponent": 0, "aliases": []},
        {"denom": "gwei", "exponent": 9, "aliases": ["nanostos"]},
        {"denom": "stos", "exponent": 18, "aliases": []}
      ],
      "base": "wei",
      "display": "stos",
      "name": "Stratos",
      "symbol": "STOS",
      "uri": "",
      "uri_hash": ""
    }
  ],
  "send_enabled": [{"denom": "yyy", "enabled": true}, {"denom": "zzz", "enabled": false}]
};

/**
 * Every key → value of the `acc` and `bank` stores after InitGenesis (hex). The reference stores
 * `BoolValue{false}` for "zzz" as zero bytes; see store.ts for why stratos-ts writes `0800`.
 */
export const RAW_ACC_AFTER_GENESIS: Record<string, string> = {
  "00": "0880021007180a20ce0428e807",
  "010101010101010101010101010101010101010101": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431717971737a716770717971737a716770717971737a716770717971737a7167707737347676701801",
  "01751e76e8199196d454941c45d1b3a323f1433bd6": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e7412770a2973743177353038643671656a7874646734793572337a6172766172793063357877376b78737267773912460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a210279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f8179818032002",
  "017e5f4552091a69125d5dfcb7b8c2659029395bdf": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122b0a29737431306530353235736672663533796832616c6a6d6d33736e396a71356e6a6b376c636463357076",
  "0193354845030274cd4bf1686abd60ab28ec52e1a7": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412450a2d0a297374316a7636357333677271663676366a6c33647034743663397439726b39396364386d6a7377677a1809120c646973747269627574696f6e1a066275726e6572",
  "01f1829676db577682e944fc3493d451b67ff3e29f": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123e0a2d0a297374313778706676616b6d32616d67393632796c73366638347a336b656c6c3863356c7635686a3271180a120d6665655f636f6c6c6563746f72",
  "6163636f756e744e756d6265720000000000000000": "7e5f4552091a69125d5dfcb7b8c2659029395bdf",
  "6163636f756e744e756d6265720000000000000001": "0101010101010101010101010101010101010101",
  "6163636f756e744e756d6265720000000000000003": "751e76e8199196d454941c45d1b3a323f1433bd6",
  "6163636f756e744e756d6265720000000000000009": "93354845030274cd4bf1686abd60ab28ec52e1a7",
  "6163636f756e744e756d626572000000000000000a": "f1829676db577682e944fc3493d451b67ff3e29f",
  "676c6f62616c4163636f756e744e756d626572": "080b"
};
export const RAW_BANK_AFTER_GENESIS: Record<string, string> = {
  "00616161": "31",
  "00626262": "32",
  "00636363": "33",
  "00646464": "34",
  "00656565": "35",
  "0073746f73": "35",
  "00776569": "31303230",
  "01776569": "0a10546865206e617469766520746f6b656e12050a0377656912120a046777656910091a086e616e6f73746f7312080a0473746f7310121a03776569220473746f732a0753747261746f73320453544f53",
  "02140101010101010101010101010101010101010101616161": "31",
  "02140101010101010101010101010101010101010101626262": "32",
  "02140101010101010101010101010101010101010101636363": "33",
  "02140101010101010101010101010101010101010101646464": "34",
  "02140101010101010101010101010101010101010101656565": "35",
  "0214751e76e8199196d454941c45d1b3a323f1433bd6776569": "3230",
  "02147e5f4552091a69125d5dfcb7b8c2659029395bdf73746f73": "35",
  "02147e5f4552091a69125d5dfcb7b8c2659029395bdf776569": "31303030",
  "0361616100140101010101010101010101010101010101010101": "00",
  "0362626200140101010101010101010101010101010101010101": "00",
  "0363636300140101010101010101010101010101010101010101": "00",
  "0364646400140101010101010101010101010101010101010101": "00",
  "0365656500140101010101010101010101010101010101010101": "00",
  "0373746f7300147e5f4552091a69125d5dfcb7b8c2659029395bdf": "00",
  "037765690014751e76e8199196d454941c45d1b3a323f1433bd6": "00",
  "0377656900147e5f4552091a69125d5dfcb7b8c2659029395bdf": "00",
  "04797979": "0801",
  "047a7a7a": "",
  "05": "1001"
};

/** Every key → value of both stores after the last step (before the queries). */
export const RAW_ACC_AFTER_STEPS: Record<string, string> = {
  "00": "0880021007180a20ce0428e807",
  "010101010101010101010101010101010101010101": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431717971737a716770717971737a716770717971737a716770717971737a7167707737347676701801",
  "010202020202020202020202020202020202020202": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431716770717971737a716770717971737a716770717971737a716770717971737a6c366e663868180b",
  "010303030303030303030303030303030303030303": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431717670737871637271767073787163727176707378716372717670737871637237326a67646b180c",
  "014fea76427b8345861e80a3540a8a9d936fd39391": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412540a2d0a29737431666c343876736e6d73647a637638357135643271347a35616a64686138797533666b61616332180f1212626f6e6465645f746f6b656e735f706f6f6c1a066275726e65721a077374616b696e67",
  "0174a51c3ce9ff025523588c1c1de1cda985cf96fc": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123c0a2d0a29737431776a6a33633038666c75703932673663337377706d63776434787a756c396875357765687863180e1203706f741a066d696e746572",
  "01751e76e8199196d454941c45d1b3a323f1433bd6": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e7412770a2973743177353038643671656a7874646734793572337a6172766172793063357877376b78737267773912460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a210279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f8179818032002",
  "017e5f4552091a69125d5dfcb7b8c2659029395bdf": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122b0a29737431306530353235736672663533796832616c6a6d6d33736e396a71356e6a6b376c636463357076",
  "0193354845030274cd4bf1686abd60ab28ec52e1a7": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412450a2d0a297374316a7636357333677271663676366a6c33647034743663397439726b39396364386d6a7377677a1809120c646973747269627574696f6e1a066275726e6572",
  "01dc6f17bbec824fff8f86587966b2047db6ab7367": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123d0a2d0a297374316d33683330776c767366386c6c7275787470756b64767379306b6d326b756d3835756e327861180d12046d696e741a066d696e746572",
  "01f1829676db577682e944fc3493d451b67ff3e29f": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123e0a2d0a297374313778706676616b6d32616d67393632796c73366638347a336b656c6c3863356c7635686a3271180a120d6665655f636f6c6c6563746f72",
  "6163636f756e744e756d6265720000000000000000": "7e5f4552091a69125d5dfcb7b8c2659029395bdf",
  "6163636f756e744e756d6265720000000000000001": "0101010101010101010101010101010101010101",
  "6163636f756e744e756d6265720000000000000003": "751e76e8199196d454941c45d1b3a323f1433bd6",
  "6163636f756e744e756d6265720000000000000009": "93354845030274cd4bf1686abd60ab28ec52e1a7",
  "6163636f756e744e756d626572000000000000000a": "f1829676db577682e944fc3493d451b67ff3e29f",
  "6163636f756e744e756d626572000000000000000b": "0202020202020202020202020202020202020202",
  "6163636f756e744e756d626572000000000000000c": "0303030303030303030303030303030303030303",
  "6163636f756e744e756d626572000000000000000d": "dc6f17bbec824fff8f86587966b2047db6ab7367",
  "6163636f756e744e756d626572000000000000000e": "74a51c3ce9ff025523588c1c1de1cda985cf96fc",
  "6163636f756e744e756d626572000000000000000f": "4fea76427b8345861e80a3540a8a9d936fd39391",
  "676c6f62616c4163636f756e744e756d626572": "0810"
};
export const RAW_BANK_AFTER_STEPS: Record<string, string> = {
  "00616161": "31",
  "00626262": "32",
  "00636363": "33",
  "00646464": "34",
  "00656565": "35",
  "0073746f73": "35",
  "00776569": "31303930",
  "01776569": "0a10546865206e617469766520746f6b656e12050a0377656912120a046777656910091a086e616e6f73746f7312080a0473746f7310121a03776569220473746f732a0753747261746f73320453544f53",
  "02140101010101010101010101010101010101010101616161": "31",
  "02140101010101010101010101010101010101010101626262": "32",
  "02140101010101010101010101010101010101010101636363": "33",
  "02140101010101010101010101010101010101010101646464": "34",
  "02140101010101010101010101010101010101010101656565": "35",
  "02140202020202020202020202020202020202020202776569": "313030",
  "02140303030303030303030303030303030303030303776569": "35",
  "02144fea76427b8345861e80a3540a8a9d936fd39391776569": "34",
  "021474a51c3ce9ff025523588c1c1de1cda985cf96fc776569": "37",
  "0214751e76e8199196d454941c45d1b3a323f1433bd673746f73": "31",
  "0214751e76e8199196d454941c45d1b3a323f1433bd6776569": "3835",
  "02147e5f4552091a69125d5dfcb7b8c2659029395bdf73746f73": "34",
  "02147e5f4552091a69125d5dfcb7b8c2659029395bdf776569": "383137",
  "021493354845030274cd4bf1686abd60ab28ec52e1a7776569": "3130",
  "0214dc6f17bbec824fff8f86587966b2047db6ab7367776569": "3630",
  "0214f1829676db577682e944fc3493d451b67ff3e29f776569": "31",
  "0361616100140101010101010101010101010101010101010101": "00",
  "0362626200140101010101010101010101010101010101010101": "00",
  "0363636300140101010101010101010101010101010101010101": "00",
  "0364646400140101010101010101010101010101010101010101": "00",
  "0365656500140101010101010101010101010101010101010101": "00",
  "0373746f730014751e76e8199196d454941c45d1b3a323f1433bd6": "00",
  "0373746f7300147e5f4552091a69125d5dfcb7b8c2659029395bdf": "00",
  "0377656900140202020202020202020202020202020202020202": "00",
  "0377656900140303030303030303030303030303030303030303": "00",
  "0377656900144fea76427b8345861e80a3540a8a9d936fd39391": "00",
  "03776569001474a51c3ce9ff025523588c1c1de1cda985cf96fc": "00",
  "037765690014751e76e8199196d454941c45d1b3a323f1433bd6": "00",
  "0377656900147e5f4552091a69125d5dfcb7b8c2659029395bdf": "00",
  "03776569001493354845030274cd4bf1686abd60ab28ec52e1a7": "00",
  "037765690014dc6f17bbec824fff8f86587966b2047db6ab7367": "00",
  "037765690014f1829676db577682e944fc3493d451b67ff3e29f": "00",
  "04797979": "0801",
  "047a7a7a": "",
  "05": "1001"
};

/** Bank store keys and values. */
export const BANK_KEYS = {
  "balanceAwei": "02147e5f4552091a69125d5dfcb7b8c2659029395bdf776569",
  "denomAddressPrefixWei": "0377656900",
  "sendEnabledWei": "04776569"
} as const;
export const BANK_VALUES = {
  "boolTrue": "0801",
  "boolFalse": "",
  "paramsDefaultSendEnabled": "1001",
  "int1e24": "31303030303030303030303030303030303030303030303030"
} as const;

export interface StepVector {
  readonly gas: number;
  /** err.Error() of the returned error, "" on success. */
  readonly err: string;
  /** [type, [key, value], …] in emission order. */
  readonly events: ReadonlyArray<readonly [string, ...Array<readonly [string, string]>]>;
}

/**
 * The scenario, in execution order, each step on the state the previous ones left (no branching, so a
 * failing step keeps the writes it made before failing). Gas is what the step consumed on a fresh
 * meter with the SDK's default KV gas config.
 */
export const STEPS = {
  "send.newRecipient": {
    "gas": 28944,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "100wei"]],
      ["coin_received", ["receiver", "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h"], ["amount", "100wei"]],
      [
        "transfer",
        ["recipient", "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h"],
        ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"],
        ["amount", "100wei"]
      ],
      ["message", ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"]]
    ]
  },
  "send.existing": {
    "gas": 14124,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "50wei"]],
      ["coin_received", ["receiver", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"], ["amount", "50wei"]],
      [
        "transfer",
        ["recipient", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"],
        ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"],
        ["amount", "50wei"]
      ],
      ["message", ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"]]
    ]
  },
  "send.twoDenoms": {
    "gas": 27743,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "1stos,1wei"]],
      ["coin_received", ["receiver", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"], ["amount", "1stos,1wei"]],
      [
        "transfer",
        ["recipient", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"],
        ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"],
        ["amount", "1stos,1wei"]
      ],
      ["message", ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"]]
    ]
  },
  "send.insufficient": {"gas": 4618, "err": "spendable balance 71wei is smaller than 1000wei: insufficient funds", "events": []},
  "send.insufficientZero": {"gas": 4615, "err": "spendable balance  is smaller than 1gwei: insufficient funds", "events": []},
  "send.blocked": {
    "gas": 2009,
    "err": "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw is not allowed to receive funds: unauthorized",
    "events": []
  },
  "send.feeCollectorOk": {
    "gas": 16898,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "1wei"]],
      ["coin_received", ["receiver", "st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q"], ["amount", "1wei"]],
      [
        "transfer",
        ["recipient", "st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q"],
        ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"],
        ["amount", "1wei"]
      ],
      ["message", ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"]]
    ]
  },
  "send.disabled": {"gas": 3021, "err": "zzz transfers are currently disabled: send transactions are disabled", "events": []},
  "multi.ok": {
    "gas": 34772,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "15wei"]],
      ["message", ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"]],
      ["coin_received", ["receiver", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"], ["amount", "10wei"]],
      ["transfer", ["recipient", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"], ["amount", "10wei"]],
      ["coin_received", ["receiver", "st1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcr72jgdk"], ["amount", "5wei"]],
      ["transfer", ["recipient", "st1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcr72jgdk"], ["amount", "5wei"]]
    ]
  },
  "multi.blocked": {
    "gas": 2009,
    "err": "st1wjj3c08flup92g6c3swpmcwd4xzul9hu5wehxc is not allowed to receive funds: unauthorized",
    "events": []
  },
  "mint.ok": {
    "gas": 24575,
    "err": "",
    "events": [
      ["coin_received", ["receiver", "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa"], ["amount", "100wei"]],
      ["coinbase", ["minter", "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa"], ["amount", "100wei"]]
    ]
  },
  "burn.ok": {
    "gas": 27256,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa"], ["amount", "40wei"]],
      ["coin_received", ["receiver", "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz"], ["amount", "40wei"]],
      [
        "transfer",
        ["recipient", "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz"],
        ["sender", "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa"],
        ["amount", "40wei"]
      ],
      ["message", ["sender", "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa"]],
      ["coin_spent", ["spender", "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz"], ["amount", "30wei"]],
      ["burn", ["burner", "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz"], ["amount", "30wei"]]
    ]
  },
  "burn.insufficient": {"gas": 3849, "err": "spendable balance 10wei is smaller than 1000wei: insufficient funds", "events": []},
  "module.toBlocked": {
    "gas": 0,
    "err": "st1wjj3c08flup92g6c3swpmcwd4xzul9hu5wehxc is not allowed to receive funds: unauthorized",
    "events": []
  },
  "module.accountToNewModule": {
    "gas": 28445,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "7wei"]],
      ["coin_received", ["receiver", "st1wjj3c08flup92g6c3swpmcwd4xzul9hu5wehxc"], ["amount", "7wei"]],
      [
        "transfer",
        ["recipient", "st1wjj3c08flup92g6c3swpmcwd4xzul9hu5wehxc"],
        ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"],
        ["amount", "7wei"]
      ],
      ["message", ["sender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"]]
    ]
  },
  "delegate.ok": {
    "gas": 29594,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"], ["amount", "9wei"]],
      ["coin_received", ["receiver", "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2"], ["amount", "9wei"]]
    ]
  },
  "delegate.insufficient": {
    "gas": 3942,
    "err": "failed to delegate; 817wei is smaller than 1000000wei: insufficient funds",
    "events": []
  },
  "undelegate.ok": {
    "gas": 15564,
    "err": "",
    "events": [
      ["coin_spent", ["spender", "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2"], ["amount", "4wei"]],
      ["coin_received", ["receiver", "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"], ["amount", "4wei"]]
    ]
  },
  "undelegate.unknownDelegator": {
    "gas": 10208,
    "err": "failed to track undelegation: account st1pu8s7rc0pu8s7rc0pu8s7rc0pu8s7rc0qkxeze does not exist: unknown address",
    "events": [["coin_spent", ["spender", "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2"], ["amount", "1wei"]]]
  }
} as const satisfies Record<string, StepVector>;

/** Panic values (recovered) of steps that panic; they change no state. */
export const PANICS = {
  "mint.noPerm": "module account distribution does not have permissions to mint tokens: unauthorized",
  "mint.unknown": "module account nobody does not exist: unknown address",
  "burn.noPerm": "module account mint does not have permissions to burn tokens: unauthorized",
  "delegate.noPerm": "module account mint does not have permissions to receive delegated coins: unauthorized",
  "multi.vbPanic": "invalid coin denominations; wei, stos",
  "vb.nilAmount": "runtime error: invalid memory address or nil pointer dereference"
} as const;

/** ValidateBasic errors (err.Error()). */
export const VALIDATE_BASIC = {
  "vb.emptyAmount": ": invalid coins",
  "vb.zero": "0wei: invalid coins",
  "vb.unsorted": "1wei,1stos: invalid coins",
  "vb.badFrom": "invalid from address: decoding bech32 failed: invalid checksum (expected 6ah60c got yzsxcg): invalid address",
  "vb.badTo": "invalid to address: decoding bech32 failed: invalid bech32 string length 6: invalid address",
  "multi.vbMismatch": "sum inputs != sum outputs",
  "multi.vbTwoInputs": "multiple senders not allowed"
} as const;

/** Supply of wei after the steps above (before the module steps that follow `module.toBlocked`). */
export const SUPPLY_WEI_AFTER_BURN = "1090wei";

/** Query responses (hex of the response proto) and errors (err.Error() of the query server), at the end. */
export const QUERIES = {
  "q.accountBadAddr": "decoding bech32 failed: invalid bech32 string length 3",
  "q.accountInfoB": "0a770a2973743177353038643671656a7874646734793572337a6172766172793063357877376b78737267773912460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a210279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f8179818032002",
  "q.accountNotFound": "rpc error: code = NotFound desc = account st1pyysjzgfpyysjzgfpyysjzgfpyysjzgfpkqa0y not found",
  "q.accountsLimit2": "0a510a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431717971737a716770717971737a716770717971737a716770717971737a71677077373476767018010a510a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431716770717971737a716770717971737a716770717971737a716770717971737a6c366e663868180b12160a140303030303030303030303030303030303030303",
  "q.addrPrefix": "decoding bech32 failed: invalid checksum (expected 6ah60c got yzsxcg)",
  "q.authParams": "0a0d0880021007180a20ce0428e807",
  "q.balanceBadAddr": "rpc error: code = InvalidArgument desc = invalid address: decoding bech32 failed: invalid bech32 string length 3",
  "q.balanceBadDenom": "rpc error: code = InvalidArgument desc = invalid denom: w",
  "q.balanceZeroBytes": "0a090a0473746f73120130",
  "q.bankParams": "0a021001",
  "q.byId1": "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
  "q.denomOwnersWei": "0a370a29737431716770717971737a716770717971737a716770717971737a716770717971737a6c366e663868120a0a0377656912033130300a350a29737431717670737871637271767073787163727176707378716372717670737871637237326a67646b12080a0377656912013512190a15144fea76427b8345861e80a3540a8a9d936fd393911009",
  "q.denomsMetadata": "0a510a10546865206e617469766520746f6b656e12050a0377656912120a046777656910091a086e616e6f73746f7312080a0473746f7310121a03776569220473746f732a0753747261746f73320453544f5312021001",
  "q.metadataNotFound": "rpc error: code = NotFound desc = client metadata for denom gwei",
  "q.moduleAccountPot": "0a620a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123c0a2d0a29737431776a6a33633038666c75703932673663337377706d63776434787a756c396875357765687863180e1203706f741a066d696e746572",
  "q.moduleAccountUnknown": "rpc error: code = NotFound desc = account nobody not found",
  "q.moduleAccounts": "0a7a0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412540a2d0a29737431666c343876736e6d73647a637638357135643271347a35616a64686138797533666b61616332180f1212626f6e6465645f746f6b656e735f706f6f6c1a066275726e65721a077374616b696e670a6b0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412450a2d0a297374316a7636357333677271663676366a6c33647034743663397439726b39396364386d6a7377677a1809120c646973747269627574696f6e1a066275726e65720a6a0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412440a2d0a297374317671753872736b613673777a646d6e686639307a757630786d656c656a346c71336c337834341810120365766d1a066d696e7465721a066275726e65720a640a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123e0a2d0a297374313778706676616b6d32616d67393632796c73366638347a336b656c6c3863356c7635686a3271180a120d6665655f636f6c6c6563746f720a5d0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412370a2d0a297374313736726379666e356b396430776378656c336b6d777678683068793378637765397068333865181112066665656962630a790a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412530a2d0a297374317930756a6b376171767578743674303538676e366b326b7138663370653936767a776b6e617518121212666f756e646174696f6e5f6163636f756e741a066d696e7465721a066275726e65720a620a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123c0a2d0a297374313064303779323635676d6d757674347a30773961773838306a6e73723730306a78303868687718131203676f761a066275726e65720a690a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412430a2d0a29737431766c7468676178323363613973796b377867617a333437786d66346e756e65666d397a39646418141212696e746572636861696e6163636f756e74730a740a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74124e0a2d0a29737431667a36377363787633686a79306e78616675663063346d616465373467666366376d796a7167181512156d6574615f6e6f64655f626f6e6465645f706f6f6c1a066d696e7465720a780a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412520a2d0a29737431636d39306c617139716a7a6a6437386c6b797034396c7064786466796a726d376a7139776d67181612196d6574615f6e6f64655f6e6f745f626f6e6465645f706f6f6c1a066d696e7465720a630a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123d0a2d0a297374316d33683330776c767366386c6c7275787470756b64767379306b6d326b756d3835756e327861180d12046d696e741a066d696e7465720a7e0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412580a2d0a297374317479676d733378686873337976343837706878336477346139356a6e3774376c616b70767737181712166e6f745f626f6e6465645f746f6b656e735f706f6f6c1a066275726e65721a077374616b696e670a620a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123c0a2d0a29737431776a6a33633038666c75703932673663337377706d63776434787a756c396875357765687863180e1203706f741a066d696e7465720a6f0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412490a2d0a29737431736175716c66773764703867306a756a6b66756c703071386b39383477327a3376396a6b36731818120872656769737465721a066d696e7465721a066275726e65720a780a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412520a2d0a2973743137616e63727971386a32643938717a706b78326e6b72396a3768747864396a687476377a6a66181912197265736f757263655f6e6f64655f626f6e6465645f706f6f6c1a066d696e7465720a7c0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412560a2d0a2973743161683373726c6761366d71723763713467643838376b3279733937727a6673706a616530737a181a121d7265736f757263655f6e6f64655f6e6f745f626f6e6465645f706f6f6c1a066d696e7465720a5a0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412340a2d0a297374317932337573347366366e747a64307170656b7261377577737261346d6e663377773735783637181b12037364730a680a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412420a2d0a297374313030716b78727a6c6361686768347a6575673070306c386171636e756179677a337676763432181c1211746f74616c5f7265776172645f706f6f6c0a740a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74124e0a2d0a2973743135666d6b7a78777471357036346763307a786d643837636d64776a6e6e3373616b6d6b757537181d1215746f74616c5f756e6973737565645f7072657061791a066d696e7465720a6f0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e7412490a2d0a29737431796c3668646a686d6b663337363339373330676666616e707a6e647a64706d686a6a7a6d6b37181e12087472616e736665721a066d696e7465721a066275726e6572",
  "q.moduleAccountsCount": 20,
  "q.sendEnabledAll": "0a070a0379797910010a050a037a7a7a9a06021002",
  "q.sendEnabledDenoms": "0a050a037a7a7a0a070a037979791001",
  "q.spendableA": "0a090a0473746f731201340a0a0a03776569120338313712021002",
  "q.supplyOfGwei": "0a090a0467776569120130",
  "q.totalSupply": "0a080a036161611201310a080a036262621201320a080a036363631201330a080a036464641201340a080a036565651201350a090a0473746f731201350a0b0a0377656912043130393012021007",
  "q.totalSupplyBoth": "rpc error: code = Internal desc = invalid request, either offset or key is expected, got both",
  "newRecipientAccount": "0a202f636f736d6f732e617574682e763162657461312e426173654163636f756e74122d0a29737431716770717971737a716770717971737a716770717971737a716770717971737a6c366e663868180b",
  "potAccount": "0a222f636f736d6f732e617574682e763162657461312e4d6f64756c654163636f756e74123c0a2d0a29737431776a6a33633038666c75703932673663337377706d63776434787a756c396875357765687863180e1203706f741a066d696e746572"
} as const;

/** AllBalances of address C (denoms aaa…eee) under PageRequest variants: response hex, "ERR <text>" or a panic value. */
export const ALL_BALANCES_PAGES = {
  "emptyKeyOff": "ERR rpc error: code = InvalidArgument desc = paginate: invalid request, either offset or key is expected, got both",
  "keyBb": "0a080a036262621201320a080a036363631201330a080a036464641201340a080a036565651201351200",
  "keyCcc": "0a080a036363631201330a080a0364646412013412050a03656565",
  "limit2": "0a080a036161611201310a080a0362626212013212050a03636363",
  "limit2count": "0a080a036161611201310a080a0362626212013212070a036363631005",
  "limit2off2": "0a080a036363631201330a080a0364646412013412050a03656565",
  "nil": "0a080a036161611201310a080a036262621201320a080a036363631201330a080a036464641201340a080a0365656512013512021005",
  "off4": "0a080a0365656512013512021005",
  "off9": "1200",
  "offKey": "ERR rpc error: code = InvalidArgument desc = paginate: invalid request, either offset or key is expected, got both",
  "rev2": "0a080a036565651201350a080a0364646412013412050a03636363",
  "revKeyCcc": "0a080a036363631201330a080a0362626212013212050a03616161",
  "revKeyDdd": "0a080a036464641201340a080a036363631201330a080a036262621201320a080a036161611201311200",
  "revKeyEee": "prefixIterator invalid, cannot call Key()",
  "revKeyZz": "0a080a036565651201350a080a0364646412013412050a03636363",
  "wrap": "1200"
} as const;
