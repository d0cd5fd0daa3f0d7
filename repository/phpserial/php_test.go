package phpserial_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/phpserial"
)

// phpVerdict is what PHP made of one input: whether unserialize() took it, whether it
// warned while doing so, and serialize() of the result.
type phpVerdict struct {
	OK         bool   `json:"ok"`
	Warned     bool   `json:"warned"`
	Serialized []byte `json:"ser"`
}

// askPHP runs every input through the PHP on PATH in one process, or skips the test when
// there is none: PHP is the reference this package must agree with, not a dependency.
func askPHP(t *testing.T, inputs [][]byte) []phpVerdict {
	t.Helper()
	php, err := exec.LookPath("php")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI must compare with PHP, and there is no php on PATH (.ci/run installs php-cli)")
		}
		t.Skip("no php on PATH to compare with")
	}
	// unserialize('b:0;') is false, like a failure; the prefix tells them apart (and
	// unserialize ignores whatever follows a value).
	const script = `<?php
$out = [];
foreach (json_decode(stream_get_contents(STDIN), true) as $b64) {
	$s = base64_decode($b64);
	$warned = false;
	set_error_handler(function ($no) use (&$warned) { $warned = $warned || $no === E_WARNING; return true; });
	$v = unserialize($s, ['allowed_classes' => false]);
	restore_error_handler();
	$ok = $v !== false || strncmp($s, 'b:0;', 4) === 0;
	$out[] = ['ok' => $ok, 'warned' => $warned, 'ser' => $ok ? base64_encode(serialize($v)) : ''];
}
echo json_encode($out);
`
	in, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(php, "-n", "-r", script[len("<?php\n"):])
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("php: %v: %s", err, stderr.Bytes())
	}
	var verdicts []phpVerdict
	if err := json.Unmarshal(out, &verdicts); err != nil {
		t.Fatalf("php answered %.200q: %v", out, err)
	}
	if len(verdicts) != len(inputs) {
		t.Fatalf("php answered %d of %d inputs", len(verdicts), len(inputs))
	}
	return verdicts
}

// TestAgainstPHP feeds PHP and Unmarshal the same inputs — valid serializations, floats
// across the whole range, and thousands of random corruptions of them — and requires the
// same verdict. Where both accept, PHP's serialize() of its result must equal Marshal of
// ours, which checks the decoded value and Marshal's spelling at once. Unmarshal may
// refuse what PHP takes only for the two documented reasons: bytes after the value, and
// an int PHP clamps to the 64-bit range with a warning.
func TestAgainstPHP(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 1))
	var seeds [][]byte
	for _, s := range []string{
		`N;`, `b:0;`, `b:1;`, `i:-12;`, `i:+7;`, `i:0012;`, `d:0.5;`, `d:1.0E+25;`, `d:-INF;`, `d:NAN;`, `d:1.e5;`,
		`s:5:"a";b:";`, `s:2:"Ä";`, `a:0:{}`, `a:1:{s:13:"administrator";b:1;}`,
		`a:3:{s:1:"a";i:1;s:1:"5";i:2;s:1:"a";i:3;}`, `a:2:{s:2:"-0";N;s:2:"05";d:-0;}`,
		`a:2:{i:0;s:5:"admin";i:1;a:1:{s:1:"k";d:1.0E+25;}}`,
	} {
		seeds = append(seeds, []byte(s))
	}
	for _, lit := range fixtureLiterals(t) {
		if len(lit) > 1 && lit[1] == ':' {
			seeds = append(seeds, []byte(lit))
		}
	}
	for range 300 {
		var b [64]byte
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		g := generator{data: b[:]}
		seeds = append(seeds, phpserial.Marshal(g.value(0)))
	}

	inputs := append([][]byte(nil), seeds...)
	for e := -330; e <= 310; e++ {
		for _, m := range []float64{1, 1.5, rng.Float64() * 10} {
			inputs = append(inputs, phpserial.Marshal(float(m*math.Pow(10, float64(e)))))
		}
	}
	for range 2000 {
		inputs = append(inputs, phpserial.Marshal(float(math.Float64frombits(rng.Uint64()))))
	}
	// Corruptions use the format's own bytes, leaving out the tags of objects and
	// references, which PHP reads and this package refuses by design.
	const alphabet = `0123456789:;{}"abidsN.-+eEINFAx `
	for range 20000 {
		in := append([]byte(nil), seeds[rng.IntN(len(seeds))]...)
		for range 1 + rng.IntN(3) {
			switch at := rng.IntN(len(in) + 1); rng.IntN(4) {
			case 0:
				if at < len(in) {
					in[at] = alphabet[rng.IntN(len(alphabet))]
				}
			case 1:
				in = append(in[:at], append([]byte{alphabet[rng.IntN(len(alphabet))]}, in[at:]...)...)
			case 2:
				if at < len(in) {
					in = append(in[:at], in[at+1:]...)
				}
			case 3:
				in = in[:at]
			}
		}
		inputs = append(inputs, in)
	}

	verdicts := askPHP(t, inputs)
	failures, accepted := 0, 0
	for i, in := range inputs {
		php := verdicts[i]
		v, err := phpserial.Unmarshal(in)
		var problem string
		switch {
		case err == nil && !php.OK:
			problem = "accepted what PHP refuses"
		case err == nil && php.Warned:
			problem = "accepted what PHP warns about"
		case err == nil:
			accepted++
			if got := phpserial.Marshal(v); !bytes.Equal(got, php.Serialized) {
				problem = "Marshal gives " + strconv.Quote(string(got)) + ", PHP " + strconv.Quote(string(php.Serialized))
			}
		case php.OK && !php.Warned:
			var se *phpserial.SyntaxError
			if !errors.As(err, &se) {
				problem = "error of the wrong type"
				break
			}
			// The only refusal PHP does not share: a complete value followed by more.
			prefix, perr := phpserial.Unmarshal(in[:se.Offset])
			if perr != nil {
				problem = "refused (" + err.Error() + ") what PHP takes"
			} else if got := phpserial.Marshal(prefix); !bytes.Equal(got, php.Serialized) {
				problem = "the value before the trailing data is " + strconv.Quote(string(got)) + ", PHP's " + strconv.Quote(string(php.Serialized))
			}
		}
		if problem != "" {
			t.Errorf("%.120q: %s", in, problem)
			if failures++; failures == 20 {
				t.Fatal("too many differences")
			}
		}
	}
	if accepted < 4000 {
		t.Errorf("only %d of %d inputs were accepted by both: the comparison proves little", accepted, len(inputs))
	}
	t.Logf("%d inputs, %d accepted by both", len(inputs), accepted)
}
