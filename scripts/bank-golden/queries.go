package main

import (
	"context"
	"encoding/hex"
	"math"
	"sort"

	gogoproto "github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// answer is the response proto in hex, or the query server's err.Error().
func answer(resp gogoproto.Message, err error) any {
	if err != nil {
		return err.Error()
	}
	bz, err := gogoproto.Marshal(resp)
	must(err)
	return hex.EncodeToString(bz)
}

// runQueries calls the auth and bank query servers with the requests of reference.requests.ts (as a
// node decodes them) at the end of the scenario. The result is keyed by case name, in name order.
func (c *chain) runQueries() object {
	q := sdk.WrapSDKContext(c.ctx)
	a, b, d := addrA.String(), addrB.String(), addrD.String()
	results := map[string]any{}
	// In the order of QUERY_CASES: ModuleAccounts, near the end, writes accounts.
	run := func(name string, v any) { results[name] = v }
	run("q.balanceBadDenom", answer(c.bank.Balance(q, &banktypes.QueryBalanceRequest{Address: a, Denom: "w"})))
	run("q.balanceBadAddr", answer(c.bank.Balance(q, &banktypes.QueryBalanceRequest{Address: "st1", Denom: "wei"})))
	run("q.balanceZeroBytes", answer(c.bank.Balance(q, &banktypes.QueryBalanceRequest{Address: d, Denom: "stos"})))
	run("q.denomOwnersWei", answer(c.bank.DenomOwners(q, &banktypes.QueryDenomOwnersRequest{
		Denom: "wei", Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})))
	run("q.metadataNotFound", answer(c.bank.DenomMetadata(q, &banktypes.QueryDenomMetadataRequest{Denom: "gwei"})))
	run("q.sendEnabledAll", answer(c.bank.SendEnabled(q, &banktypes.QuerySendEnabledRequest{})))
	run("q.totalSupply", answer(c.bank.TotalSupply(q, &banktypes.QueryTotalSupplyRequest{})))
	run("q.totalSupplyBoth", answer(c.bank.TotalSupply(q, &banktypes.QueryTotalSupplyRequest{
		Pagination: &query.PageRequest{Key: []byte("a"), Offset: 1}})))
	run("q.spendableA", answer(c.bank.SpendableBalances(q, &banktypes.QuerySpendableBalancesRequest{Address: a})))
	run("q.supplyOfGwei", answer(c.bank.SupplyOf(q, &banktypes.QuerySupplyOfRequest{Denom: "gwei"})))
	run("q.bankParams", answer(c.bank.Params(q, &banktypes.QueryParamsRequest{})))
	run("q.denomsMetadata", answer(c.bank.DenomsMetadata(q, &banktypes.QueryDenomsMetadataRequest{})))
	run("q.sendEnabledDenoms", answer(c.bank.SendEnabled(q, &banktypes.QuerySendEnabledRequest{Denoms: []string{"zzz", "wei", "yyy"}})))
	run("q.authParams", answer(c.auth.Params(q, &authtypes.QueryParamsRequest{})))
	run("q.accountNotFound", answer(c.auth.Account(q, &authtypes.QueryAccountRequest{Address: addrNines.String()})))
	run("q.accountBadAddr", answer(c.auth.Account(q, &authtypes.QueryAccountRequest{Address: "st1"})))
	run("q.accountsLimit2", answer(c.auth.Accounts(q, &authtypes.QueryAccountsRequest{Pagination: &query.PageRequest{Limit: 2}})))
	run("q.moduleAccountPot", answer(c.auth.ModuleAccountByName(q, &authtypes.QueryModuleAccountByNameRequest{Name: "pot"})))
	run("q.moduleAccountUnknown", answer(c.auth.ModuleAccountByName(q, &authtypes.QueryModuleAccountByNameRequest{Name: "nobody"})))
	run("q.addrPrefix", answer(c.auth.AddressStringToBytes(q, &authtypes.AddressStringToBytesRequest{
		AddressString: "cosmos1w508d6qejxtdg4y5r3zarvary0c5xw7kyzsxcg"})))
	run("q.accountInfoB", answer(c.auth.AccountInfo(q, &authtypes.QueryAccountInfoRequest{Address: b})))
	// ModuleAccounts creates every module account that does not exist yet.
	modules, err := c.auth.ModuleAccounts(q, &authtypes.QueryModuleAccountsRequest{})
	run("q.moduleAccounts", answer(modules, err))
	run("q.moduleAccountsCount", len(modules.Accounts))
	byID, err := c.auth.AccountAddressByID(q, &authtypes.QueryAccountAddressByIDRequest{AccountId: 1})
	must(err)
	run("q.byId1", byID.AccountAddress)

	names := make([]string, 0, len(results))
	for name := range results {
		names = append(names, name)
	}
	sort.Strings(names)
	out := object{}
	for _, name := range names {
		out = append(out, member{name, results[name]})
	}
	return out
}

// runPages asks AllBalances of C (denoms aaa…eee) with PageRequest variants: response hex, "ERR <text>"
// for an error, or the panic value. Keyed by case name, in name order.
func (c *chain) runPages() object {
	q := sdk.WrapSDKContext(c.ctx)
	key := func(s string) []byte { return []byte(s) }
	pages := map[string]*query.PageRequest{
		"nil":         nil,
		"limit2":      {Limit: 2},
		"limit2off2":  {Limit: 2, Offset: 2},
		"limit2count": {Limit: 2, CountTotal: true},
		"keyCcc":      {Key: key("ccc"), Limit: 2},
		"keyBb":       {Key: key("bb"), Limit: 10},
		"rev2":        {Limit: 2, Reverse: true},
		"revKeyCcc":   {Key: key("ccc"), Limit: 2, Reverse: true},
		"revKeyZz":    {Key: key("zz"), Limit: 2, Reverse: true},
		"revKeyEee":   {Key: key("eee"), Limit: 2, Reverse: true},
		"revKeyDdd":   {Key: key("ddd"), Limit: 5, Reverse: true},
		"offKey":      {Key: key("ccc"), Offset: 1},
		// An explicitly encoded empty key decodes to a non-nil empty slice, which counts as a key.
		"emptyKeyOff": {Key: []byte{}, Offset: 1},
		"off4":        {Offset: 4},
		"off9":        {Offset: 9, Limit: 1},
		"wrap":        {Offset: 1, Limit: math.MaxUint64},
	}
	names := make([]string, 0, len(pages))
	for name := range pages {
		names = append(names, name)
	}
	sort.Strings(names)
	out := object{}
	for _, name := range names {
		out = append(out, member{name, c.allBalances(q, pages[name])})
	}
	return out
}

func (c *chain) allBalances(q context.Context, page *query.PageRequest) (result any) {
	defer func() {
		if r := recover(); r != nil {
			result = panicText(r)
		}
	}()
	resp, err := c.bank.AllBalances(q, &banktypes.QueryAllBalancesRequest{Address: addrC.String(), Pagination: page})
	if err != nil {
		return "ERR " + err.Error()
	}
	return answer(resp, nil)
}
