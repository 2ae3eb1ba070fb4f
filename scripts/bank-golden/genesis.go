package main

import (
	"bytes"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// The secp256k1 generator point, compressed: the public key of private key 1.
var generatorPoint = mustHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")

// The scenario's addresses. A is the eth_secp256k1 address of private key 1 (0x7e5f…5bdf), B its
// Cosmos secp256k1 address (0x751e…3bd6); C, D, E, F and NINES repeat one byte 20 times.
var (
	addrA     = sdk.AccAddress((&ethPubKey{Key: generatorPoint}).Address())
	addrB     = sdk.AccAddress((&secp256k1.PubKey{Key: generatorPoint}).Address())
	addrC     = sdk.AccAddress(bytes.Repeat([]byte{0x01}, 20))
	addrD     = sdk.AccAddress(bytes.Repeat([]byte{0x02}, 20))
	addrE     = sdk.AccAddress(bytes.Repeat([]byte{0x03}, 20))
	addrF     = sdk.AccAddress(bytes.Repeat([]byte{0x0f}, 20))
	addrNines = sdk.AccAddress(bytes.Repeat([]byte{0x09}, 20))
)

func addressTable() object {
	return object{
		{"A", addrA.String()}, {"B", addrB.String()}, {"C", addrC.String()}, {"D", addrD.String()},
		{"E", addrE.String()}, {"F", addrF.String()}, {"NINES", addrNines.String()},
		{"distribution", authtypes.NewModuleAddress("distribution").String()},
	}
}

// genesisAuth: account numbers 0, 3, 3 (a duplicate, which InitGenesis renumbers) and 9 (a module account).
func genesisAuth() *authtypes.GenesisState {
	accounts := authtypes.GenesisAccounts{
		authtypes.NewBaseAccount(addrA, nil, 0, 0),
		authtypes.NewBaseAccount(addrB, &secp256k1.PubKey{Key: generatorPoint}, 3, 2),
		authtypes.NewBaseAccount(addrC, nil, 3, 0),
		authtypes.NewModuleAccount(authtypes.NewBaseAccount(authtypes.NewModuleAddress("distribution"), nil, 9, 0), "distribution", authtypes.Burner),
	}
	return authtypes.NewGenesisState(authtypes.DefaultParams(), accounts)
}

// genesisBank: no supply (InitGenesis computes it), balances not in address order, send-enabled flags
// not in denom order, and the STOS metadata.
func genesisBank() *banktypes.GenesisState {
	balances := []banktypes.Balance{
		{Address: addrC.String(), Coins: coins("1aaa,2bbb,3ccc,4ddd,5eee")},
		{Address: addrA.String(), Coins: coins("5stos,1000wei")},
		{Address: addrB.String(), Coins: coins("20wei")},
	}
	metadata := []banktypes.Metadata{{
		Description: "The native token",
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: "wei", Exponent: 0},
			{Denom: "gwei", Exponent: 9, Aliases: []string{"nanostos"}},
			{Denom: "stos", Exponent: 18},
		},
		Base: "wei", Display: "stos", Name: "Stratos", Symbol: "STOS",
	}}
	sendEnabled := []banktypes.SendEnabled{{Denom: "zzz", Enabled: false}, {Denom: "yyy", Enabled: true}}
	return banktypes.NewGenesisState(banktypes.DefaultParams(), balances, nil, metadata, sendEnabled)
}

type genesisOut struct {
	auth, bank, exportedAuth, exportedBank, rawAcc, rawBank any
}

// runGenesis prints the genesis JSON, loads it back as a node does and runs both InitGenesis, then
// exports.
func (c *chain) runGenesis() genesisOut {
	authJSON := c.cdc.MustMarshalJSON(genesisAuth())
	bankJSON := c.cdc.MustMarshalJSON(genesisBank())
	var authState authtypes.GenesisState
	var bankState banktypes.GenesisState
	c.cdc.MustUnmarshalJSON(authJSON, &authState)
	c.cdc.MustUnmarshalJSON(bankJSON, &bankState)
	c.auth.InitGenesis(c.ctx, authState)
	c.bank.InitGenesis(c.ctx, &bankState)
	return genesisOut{
		auth:         fromJSON(authJSON),
		bank:         fromJSON(bankJSON),
		exportedAuth: fromJSON(c.cdc.MustMarshalJSON(c.auth.ExportGenesis(c.ctx))),
		exportedBank: fromJSON(c.cdc.MustMarshalJSON(c.bank.ExportGenesis(c.ctx))),
		rawAcc:       c.dump(c.accKey),
		rawBank:      c.dump(c.bankKey),
	}
}
