package scenario

// Deterministic operation sequences shared (by their JSON output) with the TypeScript tests.
//
// Random scenarios are not stored op by op: both sides regenerate them from a seed with the
// splitmix64 stream below, and the fixture carries a sha256 of the op stream so that a generator
// mismatch is reported as such, not as a hash mismatch.

import (
	"crypto/sha256"
	"encoding/binary"
)

// Op is one Set (Delete false) or Remove.
type Op struct {
	Delete bool
	Key    []byte
	Value  []byte
}

// splitmix64: state += gamma; z = state; z = (z^(z>>30))*C1; z = (z^(z>>27))*C2; return z^(z>>31).
type splitmix struct{ state uint64 }

func (s *splitmix) next() uint64 {
	s.state += 0x9E3779B97F4A7C15
	return mix64(s.state)
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// RandomSpec describes one seeded scenario; every field is copied into the fixture.
type RandomSpec struct {
	Seed          uint64 `json:"seed"`
	Versions      int    `json:"versions"`
	OpsPerVersion int    `json:"opsPerVersion"`
	KeySpace      uint64 `json:"keySpace"`
	DeletePct     uint64 `json:"deletePct"`
	MaxValueLen   uint64 `json:"maxValueLen"`
}

// KeyFor: byte (k mod 3), then the first 1 + (k mod 7) big-endian bytes of mix64(k).
func KeyFor(k uint64) []byte {
	var be [8]byte
	binary.BigEndian.PutUint64(be[:], mix64(k))
	n := 1 + int(k%7)
	key := make([]byte, 0, n+1)
	key = append(key, byte(k%3))
	return append(key, be[:n]...)
}

// RandomOps: per op, r := next(); delete when r mod 100 < deletePct; k := next() mod keySpace;
// a set then draws vlen := 1 + next() mod maxValueLen and fills the value from further next()
// outputs, 8 big-endian bytes each, truncated to vlen.
func RandomOps(spec RandomSpec) [][]Op {
	rng := &splitmix{state: spec.Seed}
	out := make([][]Op, spec.Versions)
	for v := 0; v < spec.Versions; v++ {
		ops := make([]Op, 0, spec.OpsPerVersion)
		for i := 0; i < spec.OpsPerVersion; i++ {
			isDelete := rng.next()%100 < spec.DeletePct
			key := KeyFor(rng.next() % spec.KeySpace)
			if isDelete {
				ops = append(ops, Op{Delete: true, Key: key})
				continue
			}
			vlen := int(1 + rng.next()%spec.MaxValueLen)
			value := make([]byte, 0, vlen+8)
			for len(value) < vlen {
				var be [8]byte
				binary.BigEndian.PutUint64(be[:], rng.next())
				value = append(value, be[:]...)
			}
			ops = append(ops, Op{Key: key, Value: value[:vlen]})
		}
		out[v] = ops
	}
	return out
}

// OpsDigest: sha256 over, per op, 'd' ‖ len(key) ‖ key or 's' ‖ len(key) ‖ key ‖ len(value) ‖ value
// (lengths as one byte; keys and values here are shorter than 256 bytes), version after version.
func OpsDigest(versions [][]Op) []byte {
	h := sha256.New()
	for _, ops := range versions {
		for _, o := range ops {
			if o.Delete {
				h.Write([]byte{'d', byte(len(o.Key))})
				h.Write(o.Key)
				continue
			}
			h.Write([]byte{'s', byte(len(o.Key))})
			h.Write(o.Key)
			h.Write([]byte{byte(len(o.Value))})
			h.Write(o.Value)
		}
	}
	return h.Sum(nil)
}

func set(k, v string) Op { return Op{Key: []byte(k), Value: []byte(v)} }
func del(k string) Op    { return Op{Delete: true, Key: []byte(k)} }

// ExplicitScenarios exercise each rotation case, updates, deletes down to an empty tree, empty
// versions and a delete of an absent key.
func ExplicitScenarios() map[string][][]Op {
	asc := []Op{}
	desc := []Op{}
	for i := 0; i < 16; i++ {
		asc = append(asc, set(string(rune('a'+i)), "v"))
		desc = append(desc, set(string(rune('p'-i)), "w"))
	}
	return map[string][][]Op{
		"single-key":         {{set("k", "v")}},
		"ascending-inserts":  {asc},
		"descending-inserts": {desc},
		"double-rotations": {
			{set("m", "1"), set("c", "2"), set("g", "3")}, // left-right
			{set("x", "4"), set("t", "5")},                // right-left
			{set("a", "6"), set("b", "7"), set("z", "8"), set("y", "9")},
		},
		"updates-and-deletes": {
			{set("alpha", "1"), set("beta", "2"), set("gamma", "3"), set("delta", "4"), set("epsilon", "5")},
			{set("beta", "22"), set("epsilon", "55")},
			{del("alpha"), del("nothere")},
			{del("gamma"), set("alpha", "111")},
			{},
			{del("alpha"), del("beta"), del("delta"), del("epsilon")},
			{},
			{set("omega", "9")},
		},
		"delete-root-and-leftmost": {
			{set("b", "1"), set("a", "2"), set("c", "3"), set("d", "4"), set("e", "5"), set("f", "6")},
			{del("a")},
			{del("d"), del("b")},
			{set("a", "7"), del("c")},
		},
		"empty-first-version": {{}, {set("x", "1")}, {}},
	}
}

// ExplicitOrder lists the explicit scenarios in fixture order.
func ExplicitOrder() []string {
	return []string{
		"single-key", "ascending-inserts", "descending-inserts", "double-rotations",
		"updates-and-deletes", "delete-root-and-leftmost", "empty-first-version",
	}
}

// RandomSpecs are the seeded scenarios.
func RandomSpecs() map[string]RandomSpec {
	return map[string]RandomSpec{
		"random-churn":  {Seed: 1, Versions: 10, OpsPerVersion: 300, KeySpace: 500, DeletePct: 25, MaxValueLen: 16},
		"random-large":  {Seed: 2, Versions: 5, OpsPerVersion: 2000, KeySpace: 5000, DeletePct: 10, MaxValueLen: 40},
		"random-tiny":   {Seed: 3, Versions: 20, OpsPerVersion: 50, KeySpace: 40, DeletePct: 45, MaxValueLen: 8},
		"random-shared": {Seed: 4, Versions: 8, OpsPerVersion: 120, KeySpace: 9, DeletePct: 30, MaxValueLen: 3},
	}
}

// RandomOrder lists the seeded scenarios in fixture order.
func RandomOrder() []string {
	return []string{"random-churn", "random-large", "random-tiny", "random-shared"}
}
