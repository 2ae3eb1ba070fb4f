// Command iavl-golden writes cosmos/iavl root hashes and ICS23 proofs for fixed operation
// sequences into app/store/iavl/testdata/iavl-v1.json (run: scripts/iavl-golden/generate.sh).
// The TypeScript tree must reproduce every root and every proof byte for byte.
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cosmos/iavl"
	dbm "github.com/cosmos/iavl/db"
	sc "stratos-ts/iavl-golden/scenario"
)

const iavlVersion = "v1.2.4"

type versionOut struct {
	Version int64      `json:"version"`
	Root    string     `json:"root"`
	Size    int64      `json:"size"`
	Ops     [][]string `json:"ops,omitempty"`
}

type proofOut struct {
	Version int64  `json:"version"`
	Key     string `json:"key"`
	Value   string `json:"value,omitempty"`
	Exists  bool   `json:"exists"`
	Proof   string `json:"proof"`
}

type scenarioOut struct {
	Name           string         `json:"name"`
	InitialVersion uint64         `json:"initialVersion"`
	Random         *sc.RandomSpec `json:"random,omitempty"`
	OpsDigest      string         `json:"opsDigest"`
	Versions       []versionOut   `json:"versions"`
	Proofs         []proofOut     `json:"proofs,omitempty"`
}

type fixture struct {
	Generator string        `json:"generator"`
	Iavl      string        `json:"iavl"`
	Scenarios []scenarioOut `json:"scenarios"`
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func encodeOps(ops []sc.Op) [][]string {
	out := make([][]string, 0, len(ops))
	for _, o := range ops {
		if o.Delete {
			out = append(out, []string{"d", hex.EncodeToString(o.Key)})
		} else {
			out = append(out, []string{"s", hex.EncodeToString(o.Key), hex.EncodeToString(o.Value)})
		}
	}
	return out
}

// run applies each version's ops and saves; with explicit it also records the ops.
func run(name string, versions [][]sc.Op, initialVersion uint64, explicit bool) (scenarioOut, *iavl.MutableTree) {
	opts := []iavl.Option{}
	if initialVersion > 0 {
		opts = append(opts, iavl.InitialVersionOption(initialVersion))
	}
	tree := iavl.NewMutableTree(dbm.NewMemDB(), 0, true, iavl.NewNopLogger(), opts...)
	out := scenarioOut{Name: name, InitialVersion: initialVersion, OpsDigest: hex.EncodeToString(sc.OpsDigest(versions))}
	for _, ops := range versions {
		for _, o := range ops {
			if o.Delete {
				_, _, err := tree.Remove(o.Key)
				must(err)
			} else {
				_, err := tree.Set(o.Key, o.Value)
				must(err)
			}
		}
		root, version, err := tree.SaveVersion()
		must(err)
		vo := versionOut{Version: version, Root: hex.EncodeToString(root), Size: tree.Size()}
		if explicit {
			vo.Ops = encodeOps(ops)
		}
		out.Versions = append(out.Versions, vo)
	}
	return out, tree
}

// proofsAt proves every probe key against the tree of one saved version.
func proofsAt(tree *iavl.MutableTree, version int64, probes [][]byte) []proofOut {
	imm, err := tree.GetImmutable(version)
	must(err)
	out := []proofOut{}
	for _, key := range probes {
		value, err := imm.Get(key)
		must(err)
		proof, err := imm.GetProof(key)
		must(err)
		bz, err := proof.Marshal()
		must(err)
		out = append(out, proofOut{
			Version: version, Key: hex.EncodeToString(key), Value: hex.EncodeToString(value),
			Exists: value != nil, Proof: hex.EncodeToString(bz),
		})
	}
	return out
}

func probeKeys(count uint64) [][]byte {
	probes := [][]byte{{0x00}, {0x03, 0xff}}
	for k := uint64(0); k < count; k++ {
		probes = append(probes, sc.KeyFor(k))
	}
	return probes
}

func main() {
	fx := fixture{Generator: "scripts/iavl-golden/v1", Iavl: iavlVersion}
	scenarios := sc.ExplicitScenarios()
	for _, name := range sc.ExplicitOrder() {
		out, _ := run(name, scenarios[name], 0, true)
		fx.Scenarios = append(fx.Scenarios, out)
	}
	// The SDK sets the tree's initial version from InitChain's initial_height.
	initial, _ := run("double-rotations@initial-5", scenarios["double-rotations"], 5, true)
	fx.Scenarios = append(fx.Scenarios, initial)

	specs := sc.RandomSpecs()
	for _, name := range sc.RandomOrder() {
		spec := specs[name]
		out, tree := run(name, sc.RandomOps(spec), 0, false)
		out.Random = &spec
		last := out.Versions[len(out.Versions)-1].Version
		if name == "random-churn" || name == "random-large" {
			out.Proofs = proofsAt(tree, last, probeKeys(60))
			out.Proofs = append(out.Proofs, proofsAt(tree, 3, probeKeys(20))...)
		}
		fx.Scenarios = append(fx.Scenarios, out)
	}

	bz, err := json.MarshalIndent(fx, "", " ")
	must(err)
	dst := filepath.Join("..", "..", "..", "app", "store", "iavl", "testdata", "iavl-v1.json")
	must(os.MkdirAll(filepath.Dir(dst), 0o755))
	must(os.WriteFile(dst, append(bz, '\n'), 0o644))
	fmt.Println("wrote", dst)
}
