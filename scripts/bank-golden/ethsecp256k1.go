package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/cometbft/cometbft/crypto"
	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	"golang.org/x/crypto/sha3"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

// ethPubKey is stratos-chain's eth_secp256k1 public key (proto `stratos.crypto.v1.ethsecp256k1.PubKey`,
// one field: `bytes key = 1`, the 33-byte compressed point). The stratos-chain Go module is not on the
// module proxy, so the generator carries this minimal definition: enough to sit in an account's
// `pub_key` Any and to derive the Ethereum-style address. It cannot verify signatures.
type ethPubKey struct {
	Key []byte
}

const ethPubKeyName = "stratos.crypto.v1.ethsecp256k1.PubKey"

var _ cryptotypes.PubKey = (*ethPubKey)(nil)

// XXX_MessageName gives gogoproto the full name, hence the Any type URL.
func (*ethPubKey) XXX_MessageName() string { return ethPubKeyName }
func (*ethPubKey) ProtoMessage()           {}
func (k *ethPubKey) Reset()                { *k = ethPubKey{} }
func (k *ethPubKey) String() string        { return fmt.Sprintf("%s{%X}", ethPubKeyName, k.Key) }

// Marshal writes field 1 (wire type 2); proto3 omits an empty key.
func (k *ethPubKey) Marshal() ([]byte, error) {
	if len(k.Key) == 0 {
		return []byte{}, nil
	}
	if len(k.Key) > 127 {
		return nil, errors.New("ethPubKey: key longer than 127 bytes")
	}
	return append([]byte{0x0a, byte(len(k.Key))}, k.Key...), nil
}

// Unmarshal reads the encoding Marshal writes (a single field 1 with a one-byte length).
func (k *ethPubKey) Unmarshal(b []byte) error {
	if len(b) == 0 {
		*k = ethPubKey{}
		return nil
	}
	if len(b) < 2 || b[0] != 0x0a || int(b[1]) != len(b)-2 {
		return errors.New("ethPubKey: unexpected encoding")
	}
	k.Key = append([]byte(nil), b[2:]...)
	return nil
}

// Address is Keccak-256 of the uncompressed point (without its 0x04 tag), last 20 bytes.
func (k *ethPubKey) Address() crypto.Address {
	pub, err := secp256k1.ParsePubKey(k.Key)
	if err != nil {
		panic(err)
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(pub.SerializeUncompressed()[1:])
	return crypto.Address(h.Sum(nil)[12:])
}

func (k *ethPubKey) Bytes() []byte { return k.Key }
func (*ethPubKey) Type() string    { return "eth_secp256k1" }

func (k *ethPubKey) Equals(other cryptotypes.PubKey) bool {
	return k.Type() == other.Type() && bytes.Equal(k.Bytes(), other.Bytes())
}

func (*ethPubKey) VerifySignature([]byte, []byte) bool {
	panic("ethPubKey: signature verification is not needed by the generator")
}
