package main

import (
	"bytes"

	"github.com/cometbft/cometbft/crypto"
	"golang.org/x/crypto/sha3"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
)

// ethPubKey stands for stratos-chain's eth_secp256k1 public key (proto `stratos.crypto.v1.ethsecp256k1.PubKey`,
// `bytes key = 1`), so the gentxs' signer keys decode; only its encoding and address matter here.
type ethPubKey struct {
	Key []byte `protobuf:"bytes,1,opt,name=key,proto3" json:"key,omitempty"`
}

func (m *ethPubKey) Reset()                              { *m = ethPubKey{} }
func (m *ethPubKey) String() string                      { return string(m.Key) }
func (*ethPubKey) ProtoMessage()                         {}
func (*ethPubKey) XXX_MessageName() string               { return "stratos.crypto.v1.ethsecp256k1.PubKey" }
func (m *ethPubKey) Bytes() []byte                       { return m.Key }
func (m *ethPubKey) Equals(o cryptotypes.PubKey) bool    { return bytes.Equal(m.Key, o.Bytes()) }
func (m *ethPubKey) Type() string                        { return "eth_secp256k1" }
func (m *ethPubKey) VerifySignature(_, _ []byte) bool    { return false }
func (m *ethPubKey) Address() crypto.Address {
	h := sha3.NewLegacyKeccak256()
	h.Write(m.Key)
	return crypto.Address(h.Sum(nil)[12:])
}
