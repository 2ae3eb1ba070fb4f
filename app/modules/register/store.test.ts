import { describe, expect, it } from "vitest";
import { Dec } from "../../math/dec.js";
import { BondStatus } from "./logic/bondStatus.js";
import { utcTime } from "./logic/time.js";
import {
  decodeResourceNode, decodeUnbondingNode, encodeAddressList, encodeDecValue, encodeIntValue, encodeRegistrationPool,
  encodeResourceNode, encodeUnbondingNode,
} from "./store.js";
import { EMPTY_DESCRIPTION, type ResourceNode } from "./types.js";
import { resourceNodeKey, unbondingNodeKey, unbondingQueueKey } from "./keys.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const STOS = 10n ** 18n;
// spec-register §11 R12: ed25519 key 32 × 0x01, owner 20 × 0xB1.
const NET = "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa";
const OWNER = "st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp";
const ADDR = Uint8Array.from(Buffer.from("72cd6e8422c407fb6d098690f1130b7ded7ec2f7", "hex"));
const NET_HEX = "0a2c7374736473317774786b6170707a6373726c6b6d6766733667307a79637430686b6861736868766b6b647161";
const OWN_HEX = "297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470";
const T = utcTime(2024, 6, 1);

const RES6: ResourceNode = {
  networkAddress: NET,
  pubKey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: Uint8Array.from([0x0a, 0x20, ...new Array<number>(32).fill(1)]) },
  suspend: true,
  status: BondStatus.Bonded,
  tokens: 2n * STOS,
  ownerAddress: OWNER,
  description: { ...EMPTY_DESCRIPTION, moniker: "res6" },
  creationTime: T,
  nodeType: 4,
  effectiveTokens: 0n,
  beneficiaryAddress: OWNER,
};

describe("register store encodings (spec-register §11 R1, R12)", () => {
  it("R12: the 0x01 record of a created resource node, byte for byte", () => {
    expect(hex(resourceNodeKey(ADDR))).toBe("0172cd6e8422c407fb6d098690f1130b7ded7ec2f7");
    expect(hex(encodeResourceNode(RES6))).toBe(
      "f701" + NET_HEX + "12430a1d2f636f736d6f732e63727970746f2e656432353531392e5075624b657912220a20" + "01".repeat(32) +
        "180120032a1332303030303030303030303030303030303030" + "32" + OWN_HEX + "3a060a0472657336" + "42060880c9e9b206" + "4804" +
        "520130" + "5a" + OWN_HEX,
    );
    expect(decodeResourceNode(encodeResourceNode(RES6))).toEqual(RES6);
  });

  it("R12: the unbonding record, the queue slice and a registration pool", () => {
    const record = { networkAddr: NET, isMetaNode: false, entries: [{ creationHeight: 1000n, completionTime: utcTime(2024, 6, 15), initialBalance: STOS, balance: STOS }] };
    expect(hex(unbondingNodeKey(ADDR))).toBe("1172cd6e8422c407fb6d098690f1130b7ded7ec2f7");
    expect(hex(encodeUnbondingNode(record))).toBe(
      "65" + NET_HEX + "1a3508e807" + "12060880b3b3b306" + "1a13" + "31" + "30".repeat(18) + "2213" + "31" + "30".repeat(18),
    );
    expect(decodeUnbondingNode(encodeUnbondingNode(record))).toEqual(record);
    expect(hex(unbondingQueueKey(utcTime(2024, 6, 15)))).toBe("12323032342d30362d31355430303a30303a30302e303030303030303030");
    expect(hex(encodeAddressList([NET]))).toBe("2e" + NET_HEX);
    const pool = { networkAddress: NET, approveList: [], rejectList: [], expireTime: utcTime(2024, 6, 8), isVotePassed: false };
    expect(hex(encodeRegistrationPool(pool))).toBe("36" + NET_HEX + "22060880be8eb306");
  });

  it("R1: Lt, S, the rate and the counters as length-prefixed wrappers", () => {
    expect(hex(encodeIntValue(8_000_000_000_000n))).toBe("0f0a0d38303030303030303030303030");
    expect(hex(encodeIntValue(8n * STOS))).toBe("150a1338303030303030303030303030303030303030");
    expect(hex(encodeDecValue(Dec.fromInt(1_000_000n)))).toBe("1b0a1931303030303030303030303030303030303030303030303030");
    expect(hex(encodeIntValue(3n))).toBe("030a0133");
    expect(hex(encodeIntValue(5n))).toBe("030a0135");
    expect(hex(encodeIntValue(-1n))).toBe("040a022d31");
  });

  it("an empty description and the zero time are still written (non-nullable fields)", () => {
    const bytes = encodeResourceNode({ ...RES6, description: EMPTY_DESCRIPTION, creationTime: utcTime(1, 1, 1) });
    expect(hex(bytes)).toContain("3a00");
    expect(decodeResourceNode(bytes).creationTime).toBe(utcTime(1, 1, 1));
  });
});
