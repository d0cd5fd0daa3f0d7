package main

import (
	"errors"
	"flag"
	"io"
	"slices"
	"testing"
)

// The README's commands start: --small follows --rows unless given.
func TestParseOptions(t *testing.T) {
	for _, c := range []struct {
		args        []string
		rows, small int
		bad         bool
	}{
		{args: nil, rows: 1_000_000, small: 100_000},
		{args: []string{"--rows", "20000"}, rows: 20_000, small: 2_000},
		{args: []string{"--rows", "200000"}, rows: 200_000, small: 20_000},
		{args: []string{"--rows", "5"}, rows: 5, small: 1},
		{args: []string{"--rows", "20000", "--small", "5000"}, rows: 20_000, small: 5_000},
		{args: []string{"--small", "5000", "--rows", "20000"}, rows: 20_000, small: 5_000},
		{args: []string{"--rows", "20000", "--small", "20000"}, rows: 20_000, small: 20_000},
		{args: []string{"--rows", "20000", "--small", "30000"}, bad: true},
		{args: []string{"--rows", "0"}, bad: true},
		{args: []string{"--rows", "-3"}, bad: true},
		{args: []string{"--rows", "100", "--small", "0"}, bad: true},
		{args: []string{"--samples", "1"}, bad: true},
		{args: []string{"--rows", "1000", "extra"}, bad: true},
	} {
		o, err := parseOptions(c.args, func(string) string { return "" }, io.Discard)
		if c.bad {
			if err == nil {
				t.Errorf("%q: accepted as rows %d, small %d", c.args, o.rows, o.small)
			}
			continue
		}
		if err != nil || o.rows != c.rows || o.small != c.small {
			t.Errorf("%q: rows %d, small %d, %v; want %d, %d", c.args, o.rows, o.small, err, c.rows, c.small)
		}
	}
	if _, err := parseOptions([]string{"--help"}, func(string) string { return "" }, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("--help: %v", err)
	}
	if o, err := parseOptions([]string{"--insights-only", "--no-index"}, func(string) string { return "" }, io.Discard); err != nil || !o.insights || !o.noIndex || o.rows != 1_000_000 {
		t.Errorf("--insights-only --no-index: %+v, %v", o, err)
	}
	if o, _ := parseOptions(nil, func(string) string { return "" }, io.Discard); o.insights || o.noIndex {
		t.Errorf("no flags: %+v", o)
	}
	o, err := parseOptions(nil, func(k string) string {
		if k == "KCHAT_BENCH_DSN" {
			return "bench:pw@tcp(db:3306)/"
		}
		return ""
	}, io.Discard)
	if err != nil || o.dsn != "bench:pw@tcp(db:3306)/" {
		t.Errorf("KCHAT_BENCH_DSN: %q, %v", o.dsn, err)
	}
}

// --network measures the network alone, at the sizes given, ascending.
func TestParseNetworkOptions(t *testing.T) {
	parse := func(args ...string) (options, error) {
		return parseOptions(args, func(string) string { return "" }, io.Discard)
	}
	if o, err := parse(); err != nil || o.networkSites != nil {
		t.Errorf("no --network: %v, %v", o.networkSites, err)
	}
	if o, err := parse("--network"); err != nil || !slices.Equal(o.networkSites, []int{100, 1000}) {
		t.Errorf("--network: %v, %v", o.networkSites, err)
	}
	if o, err := parse("--network", "--network-sites", "10, 50,3000"); err != nil || !slices.Equal(o.networkSites, []int{10, 50, 3000}) {
		t.Errorf("--network-sites: %v, %v", o.networkSites, err)
	}
	for _, bad := range []string{"100,50", "1", "x", "", "100,100"} {
		if o, err := parse("--network", "--network-sites", bad); err == nil {
			t.Errorf("--network-sites %q: accepted as %v", bad, o.networkSites)
		}
	}
}

// --network-memory reads 1,000 then 10,000 sites by default, its big sites' log 200,000
// rows unless --rows says otherwise; its big sites must leave small ones.
func TestParseNetworkMemoryOptions(t *testing.T) {
	parse := func(args ...string) (options, error) {
		return parseOptions(args, func(string) string { return "" }, io.Discard)
	}
	o, err := parse("--network-memory")
	if err != nil || !o.networkMemory || !slices.Equal(o.networkSites, []int{1000, 10000}) || o.rows != 200_000 || o.bigSites != 8 {
		t.Errorf("--network-memory: %+v, %v", o, err)
	}
	if o, err := parse("--network-memory", "--network-sites", "20,40", "--rows", "5000", "--big-sites", "3"); err != nil ||
		!slices.Equal(o.networkSites, []int{20, 40}) || o.rows != 5000 || o.bigSites != 3 {
		t.Errorf("--network-memory with sizes: %+v, %v", o, err)
	}
	for _, big := range []string{"0", "20"} {
		if _, err := parse("--network-memory", "--network-sites", "20,40", "--big-sites", big); err == nil {
			t.Errorf("--big-sites %s of 20 sites: accepted", big)
		}
	}
}
