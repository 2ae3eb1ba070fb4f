package main

import (
	"encoding/hex"

	dbm "github.com/cometbft/cometbft-db"
	"github.com/cometbft/cometbft/libs/log"
	tmproto "github.com/cometbft/cometbft/proto/tendermint/types"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	"github.com/cosmos/cosmos-sdk/std"
	"github.com/cosmos/cosmos-sdk/store/rootmulti"
	storetypes "github.com/cosmos/cosmos-sdk/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// Module accounts and permissions of stratos-chain v0.12.2 (spec-chain §9, `maccPerms`).
var moduleAccountPermissions = map[string][]string{
	"fee_collector":                 nil,
	"distribution":                  {authtypes.Burner},
	"mint":                          {authtypes.Minter},
	"bonded_tokens_pool":            {authtypes.Burner, authtypes.Staking},
	"not_bonded_tokens_pool":        {authtypes.Burner, authtypes.Staking},
	"gov":                           {authtypes.Burner},
	"transfer":                      {authtypes.Minter, authtypes.Burner},
	"feeibc":                        nil,
	"interchainaccounts":            nil,
	"register":                      {authtypes.Minter, authtypes.Burner},
	"resource_node_bonded_pool":     {authtypes.Minter},
	"resource_node_not_bonded_pool": {authtypes.Minter},
	"meta_node_bonded_pool":         {authtypes.Minter},
	"meta_node_not_bonded_pool":     {authtypes.Minter},
	"total_unissued_prepay":         {authtypes.Minter},
	"pot":                           {authtypes.Minter},
	"foundation_account":            {authtypes.Minter, authtypes.Burner},
	"total_reward_pool":             nil,
	"sds":                           nil,
	"evm":                           {authtypes.Minter, authtypes.Burner},
}

// The bank's blocked list overrides the SDK default: every module account except these may not
// receive funds (spec-chain §9).
var notBlocked = map[string]bool{"distribution": true, "fee_collector": true, "total_unissued_prepay": true}

// chain is the slice of the reference app the vectors need: the auth and bank keepers on their IAVL
// stores ("acc", "bank") in a root multistore over an in-memory database.
type chain struct {
	cdc     *codec.ProtoCodec
	store   *rootmulti.Store
	accKey  *storetypes.KVStoreKey
	bankKey *storetypes.KVStoreKey
	auth    authkeeper.AccountKeeper
	bank    bankkeeper.BaseKeeper
	ctx     sdk.Context
}

func setBech32Prefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount("st", "stpub")
	cfg.SetBech32PrefixForValidator("stvaloper", "stvaloperpub")
	cfg.SetBech32PrefixForConsensusNode("stvalcons", "stvalconspub")
}

func newCodec() *codec.ProtoCodec {
	registry := codectypes.NewInterfaceRegistry()
	std.RegisterInterfaces(registry)
	authtypes.RegisterInterfaces(registry)
	banktypes.RegisterInterfaces(registry)
	registry.RegisterImplementations((*cryptotypes.PubKey)(nil), &ethPubKey{})
	return codec.NewProtoCodec(registry)
}

func newChain() *chain {
	c := &chain{
		cdc:     newCodec(),
		store:   rootmulti.NewStore(dbm.NewMemDB(), log.NewNopLogger()),
		accKey:  storetypes.NewKVStoreKey(authtypes.StoreKey),
		bankKey: storetypes.NewKVStoreKey(banktypes.StoreKey),
	}
	c.store.MountStoreWithDB(c.accKey, storetypes.StoreTypeIAVL, nil)
	c.store.MountStoreWithDB(c.bankKey, storetypes.StoreTypeIAVL, nil)
	must(c.store.LoadLatestVersion())

	authority := authtypes.NewModuleAddress("gov").String()
	c.auth = authkeeper.NewAccountKeeper(c.cdc, c.accKey, authtypes.ProtoBaseAccount, moduleAccountPermissions, "st", authority)
	blocked := map[string]bool{}
	for name := range moduleAccountPermissions {
		if !notBlocked[name] {
			blocked[authtypes.NewModuleAddress(name).String()] = true
		}
	}
	c.bank = bankkeeper.NewBaseKeeper(c.cdc, c.bankKey, c.auth, blocked, authority)

	// Steps write straight into the stores' working trees: no branch, nothing reverted on error.
	c.ctx = sdk.NewContext(c.store, tmproto.Header{ChainID: "stratos-test-1", Height: 1}, false, log.NewNopLogger())
	return c
}

// dump lists every key → value of one store, hex, in key order.
func (c *chain) dump(key storetypes.StoreKey) object {
	it := c.store.GetKVStore(key).Iterator(nil, nil)
	defer it.Close()
	out := object{}
	for ; it.Valid(); it.Next() {
		out = append(out, member{hex.EncodeToString(it.Key()), hex.EncodeToString(it.Value())})
	}
	return out
}
