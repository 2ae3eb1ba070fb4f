package main

import (
	"encoding/hex"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

type stepsOut struct {
	steps           object
	panics          object
	supplyAfterBurn string
	newRecipient    string
	potAccount      string
	rawAcc, rawBank any
}

// gasLimit of each step's meter; no step comes near it.
const gasLimit = 10_000_000

// step runs one action on a fresh gas meter and event manager and records gas, error and events.
func (c *chain) step(out *object, name string, run func(ctx sdk.Context) error) {
	ctx := c.ctx.WithGasMeter(storetypes.NewGasMeter(gasLimit)).WithEventManager(sdk.NewEventManager())
	errText := ""
	if err := run(ctx); err != nil {
		errText = err.Error()
	}
	*out = append(*out, member{name, object{
		{"gas", ctx.GasMeter().GasConsumed()},
		{"err", errText},
		{"events", eventRows(ctx.EventManager().Events())},
	}})
}

// panicking runs an action that must panic, on a branch that is dropped, and records the panic value.
func (c *chain) panicking(out *object, name string, run func(ctx sdk.Context) error) {
	ctx, _ := c.ctx.CacheContext()
	*out = append(*out, member{name, recovered(func() { _ = run(ctx) })})
}

func eventRows(events sdk.Events) array {
	rows := array{}
	for _, e := range events {
		row := array{e.Type}
		for _, a := range e.Attributes {
			row = append(row, array{a.Key, a.Value})
		}
		rows = append(rows, row)
	}
	return rows
}

// runSteps is the scenario of reference.test.ts, in its order.
func (c *chain) runSteps() stepsOut {
	var out stepsOut
	steps, panics := &out.steps, &out.panics
	msgs := bankkeeper.NewMsgServerImpl(c.bank)
	send := func(from, to sdk.AccAddress, amount string) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := msgs.Send(sdk.WrapSDKContext(ctx), banktypes.NewMsgSend(from, to, coins(amount)))
			return err
		}
	}
	multiSend := func(from sdk.AccAddress, amount string, outputs ...banktypes.Output) func(sdk.Context) error {
		return func(ctx sdk.Context) error {
			msg := banktypes.NewMsgMultiSend([]banktypes.Input{banktypes.NewInput(from, coins(amount))}, outputs)
			_, err := msgs.MultiSend(sdk.WrapSDKContext(ctx), msg)
			return err
		}
	}
	module := authtypes.NewModuleAddress

	c.step(steps, "send.newRecipient", send(addrA, addrD, "100wei"))
	out.newRecipient = c.rawAccount(addrD)
	c.step(steps, "send.existing", send(addrA, addrB, "50wei"))
	c.step(steps, "send.twoDenoms", send(addrA, addrB, "1stos,1wei"))
	c.step(steps, "send.insufficient", send(addrB, addrA, "1000wei"))
	c.step(steps, "send.insufficientZero", send(addrB, addrA, "1gwei"))
	c.step(steps, "send.blocked", send(addrA, module("gov"), "1wei"))
	c.step(steps, "send.feeCollectorOk", send(addrA, module("fee_collector"), "1wei"))
	c.step(steps, "send.disabled", send(addrA, addrB, "1zzz"))
	c.step(steps, "multi.ok", multiSend(addrA, "15wei",
		banktypes.NewOutput(addrB, coins("10wei")), banktypes.NewOutput(addrE, coins("5wei"))))
	c.step(steps, "multi.blocked", multiSend(addrA, "1wei", banktypes.NewOutput(module("pot"), coins("1wei"))))

	c.step(steps, "mint.ok", func(ctx sdk.Context) error { return c.bank.MintCoins(ctx, "mint", coins("100wei")) })
	c.panicking(panics, "mint.noPerm", func(ctx sdk.Context) error { return c.bank.MintCoins(ctx, "distribution", coins("1wei")) })
	c.panicking(panics, "mint.unknown", func(ctx sdk.Context) error { return c.bank.MintCoins(ctx, "nobody", coins("1wei")) })
	c.panicking(panics, "burn.noPerm", func(ctx sdk.Context) error { return c.bank.BurnCoins(ctx, "mint", coins("1wei")) })
	c.step(steps, "burn.ok", func(ctx sdk.Context) error {
		if err := c.bank.SendCoinsFromModuleToModule(ctx, "mint", "distribution", coins("40wei")); err != nil {
			return err
		}
		return c.bank.BurnCoins(ctx, "distribution", coins("30wei"))
	})
	c.step(steps, "burn.insufficient", func(ctx sdk.Context) error { return c.bank.BurnCoins(ctx, "distribution", coins("1000wei")) })
	c.step(steps, "module.toBlocked", func(ctx sdk.Context) error {
		return c.bank.SendCoinsFromModuleToAccount(ctx, "mint", module("pot"), coins("1wei"))
	})
	out.supplyAfterBurn = c.bank.GetSupply(c.ctx, "wei").String()

	c.step(steps, "module.accountToNewModule", func(ctx sdk.Context) error {
		return c.bank.SendCoinsFromAccountToModule(ctx, addrA, "pot", coins("7wei"))
	})
	out.potAccount = c.rawAccount(module("pot"))
	c.step(steps, "delegate.ok", func(ctx sdk.Context) error {
		return c.bank.DelegateCoinsFromAccountToModule(ctx, addrA, "bonded_tokens_pool", coins("9wei"))
	})
	c.step(steps, "delegate.insufficient", func(ctx sdk.Context) error {
		return c.bank.DelegateCoinsFromAccountToModule(ctx, addrA, "bonded_tokens_pool", coins("1000000wei"))
	})
	c.panicking(panics, "delegate.noPerm", func(ctx sdk.Context) error {
		return c.bank.DelegateCoinsFromAccountToModule(ctx, addrA, "mint", coins("1wei"))
	})
	c.step(steps, "undelegate.ok", func(ctx sdk.Context) error {
		return c.bank.UndelegateCoinsFromModuleToAccount(ctx, "bonded_tokens_pool", addrB, coins("4wei"))
	})
	c.step(steps, "undelegate.unknownDelegator", func(ctx sdk.Context) error {
		return c.bank.UndelegateCoinsFromModuleToAccount(ctx, "bonded_tokens_pool", addrF, coins("1wei"))
	})

	out.rawAcc = c.dump(c.accKey)
	out.rawBank = c.dump(c.bankKey)
	return out
}

// rawAccount is the stored account value (hex).
func (c *chain) rawAccount(addr sdk.AccAddress) string {
	return hex.EncodeToString(c.store.GetKVStore(c.accKey).Get(authtypes.AddressStoreKey(addr)))
}

// recovered runs f, which must panic, and returns the panic value as text.
func recovered(f func()) (value string) {
	defer func() {
		r := recover()
		if r == nil {
			panic("expected a panic")
		}
		value = panicText(r)
	}()
	f()
	return ""
}

// panicText is err.Error() for an error: printing an SDK error with %v would append the source
// location of the Wrap call ("[…/x/bank/keeper/keeper.go:412]"), which changes with the SDK version.
func panicText(r any) string {
	if err, ok := r.(error); ok {
		return err.Error()
	}
	return fmt.Sprint(r)
}
