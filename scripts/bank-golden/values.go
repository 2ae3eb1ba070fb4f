package main

import (
	"encoding/hex"
	"math/big"

	"cosmossdk.io/math"
	gogotypes "github.com/cosmos/gogoproto/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// validateBasic records ValidateBasic errors and, into panics, the cases that panic.
func validateBasic(panics *object) object {
	a, b := addrA.String(), addrB.String()
	wei := func(n int64) sdk.Coin { return sdk.NewInt64Coin("wei", n) }
	sendErr := func(from, to string, amount sdk.Coins) string {
		return (&banktypes.MsgSend{FromAddress: from, ToAddress: to, Amount: amount}).ValidateBasic().Error()
	}
	input := func(addr string, c sdk.Coin) []banktypes.Input {
		return []banktypes.Input{{Address: addr, Coins: sdk.Coins{c}}}
	}
	output := func(addr string, c sdk.Coin) []banktypes.Output {
		return []banktypes.Output{{Address: addr, Coins: sdk.Coins{c}}}
	}
	multiErr := func(inputs []banktypes.Input, outputs []banktypes.Output) error {
		return (&banktypes.MsgMultiSend{Inputs: inputs, Outputs: outputs}).ValidateBasic()
	}

	results := object{
		{"vb.emptyAmount", sendErr(a, b, nil)},
		{"vb.zero", sendErr(a, b, sdk.Coins{wei(0)})},
		{"vb.unsorted", sendErr(a, b, sdk.Coins{wei(1), sdk.NewInt64Coin("stos", 1)})},
		{"vb.badFrom", sendErr("cosmos1w508d6qejxtdg4y5r3zarvary0c5xw7kyzsxcg", b, sdk.Coins{wei(1)})},
		{"vb.badTo", sendErr(a, "st1xyz", sdk.Coins{wei(1)})},
		{"multi.vbMismatch", multiErr(input(a, wei(10)), output(b, wei(9))).Error()},
		{"multi.vbTwoInputs", multiErr(append(input(a, wei(10)), input(b, wei(10))...), nil).Error()},
	}
	// Equal-length sums with different denoms: Coins.IsEqual panics instead of answering false.
	*panics = append(*panics, member{"multi.vbPanic", recovered(func() {
		_ = multiErr(input(a, wei(10)), output(b, sdk.NewInt64Coin("stos", 10)))
	})})
	// A coin whose amount field is absent decodes to a nil Int.
	*panics = append(*panics, member{"vb.nilAmount", recovered(func() {
		_ = (&banktypes.MsgSend{FromAddress: a, ToAddress: b, Amount: sdk.Coins{{Denom: "wei"}}}).ValidateBasic()
	})})
	return results
}

// bankKeysAndValues: store keys and encodings checked on their own by keys.test.ts and store.test.ts.
func (c *chain) bankKeysAndValues() (keys, values object) {
	keys = object{
		{"balanceAwei", hex.EncodeToString(append(banktypes.CreateAccountBalancesPrefix(addrA), "wei"...))},
		{"denomAddressPrefixWei", hex.EncodeToString(banktypes.CreateDenomAddressPrefix("wei"))},
		{"sendEnabledWei", hex.EncodeToString(banktypes.CreateSendEnabledKey("wei"))},
	}
	int1e24, err := math.NewIntFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(24), nil)).Marshal()
	must(err)
	values = object{
		{"boolTrue", hex.EncodeToString(c.cdc.MustMarshal(&gogotypes.BoolValue{Value: true}))},
		{"boolFalse", hex.EncodeToString(c.cdc.MustMarshal(&gogotypes.BoolValue{Value: false}))},
		{"paramsDefaultSendEnabled", hex.EncodeToString(c.cdc.MustMarshal(&banktypes.Params{DefaultSendEnabled: true}))},
		{"int1e24", hex.EncodeToString(int1e24)},
	}
	return keys, values
}
