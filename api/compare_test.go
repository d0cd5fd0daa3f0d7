package api_test

import (
	"encoding/json"
	"net/http"
	"testing"
)

type comparedSummary struct {
	Start    string `json:"start"`
	End      string `json:"end"`
	Total    int64  `json:"total"`
	Previous *struct {
		Start string `json:"start"`
		End   string `json:"end"`
		Total int64  `json:"total"`
	} `json:"previous"`
	ChangePercent json.RawMessage `json:"change_percent"`
}

func TestSummaryComparePrevious(t *testing.T) {
	e := newEnv(t)
	e.setInteractions(map[string]string{
		"2026-01-28": "1000", // just before the previous window of March
		"2026-01-29": "6",
		"2026-02-28": "4",
		"2026-03-01": "3",
		"2026-03-31": "5",
		"2026-04-01": "1000", // just after March
		"2026-10-28": "1000",
		"2026-10-29": "10", "2026-10-31": "20", // the 3 days before November's first 3
		"2026-11-01": "10", "2026-11-02": "20", "2026-11-03": "10",
		"2026-09-01": "16", "2026-09-02": "15", "2026-09-03": "17",
		"2026-11-10": "4", "2026-11-17": "NULL", "2026-11-18": "2", "2026-11-25": "1",
	})
	tests := []struct {
		query              string
		start, end         string
		total              int64
		prevStart, prevEnd string
		prevTotal          int64
		change             string
	}{
		// Across a month boundary: November's first 3 days against October's last 3.
		{"start=2026-11-01&end=2026-11-03", "2026-11-01", "2026-11-03", 40, "2026-10-29", "2026-10-31", 30, "33.3"},
		// March's 31 days against the 31 before them: 29 January to 28 February.
		{"period=monthly&start=2026-03-01&end=2026-03-31", "2026-03-01", "2026-03-31", 8, "2026-01-29", "2026-02-28", 10, "-20"},
		{"start=2026-04-02&end=2026-04-03", "2026-04-02", "2026-04-03", 0, "2026-03-31", "2026-04-01", 1005, "-100"},
		{"start=2026-03-02&end=2026-03-30", "2026-03-02", "2026-03-30", 0, "2026-02-01", "2026-03-01", 7, "-100"},
		// The previous window holds nothing: null.
		{"start=2026-03-31&end=2026-03-31", "2026-03-31", "2026-03-31", 5, "2026-03-30", "2026-03-30", 0, "null"},
		// The default daily window, 2026-11-18..25 (8 days), against 2026-11-10..17: a
		// NULL count counts 0.
		{"", "2026-11-18", "2026-11-25", 3, "2026-11-10", "2026-11-17", 4, "-25"},
		{"start=2026-11-25&end=2026-11-25", "2026-11-25", "2026-11-25", 1, "2026-11-24", "2026-11-24", 0, "null"},
		// Rounding half away from zero: 15 against 16 is −6.25 %; 17 against 15 is 13.33 %.
		{"period=weekly&start=2026-09-02&end=2026-09-02", "2026-09-02", "2026-09-02", 15, "2026-09-01", "2026-09-01", 16, "-6.3"},
		{"start=2026-09-03&end=2026-09-03", "2026-09-03", "2026-09-03", 17, "2026-09-02", "2026-09-02", 15, "13.3"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := e.get(summaryPath + "?compare=previous&" + tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("%d %s", rec.Code, rec.Body.String())
			}
			got := decode[comparedSummary](t, rec)
			if got.Start != tt.start || got.End != tt.end || got.Total != tt.total {
				t.Errorf("window %s..%s total %d, want %s..%s total %d", got.Start, got.End, got.Total, tt.start, tt.end, tt.total)
			}
			if got.Previous == nil {
				t.Fatalf("no previous: %s", rec.Body.String())
			}
			if p := got.Previous; p.Start != tt.prevStart || p.End != tt.prevEnd || p.Total != tt.prevTotal {
				t.Errorf("previous %s..%s total %d, want %s..%s total %d", p.Start, p.End, p.Total, tt.prevStart, tt.prevEnd, tt.prevTotal)
			}
			if string(got.ChangePercent) != tt.change {
				t.Errorf("change_percent %s, want %s", got.ChangePercent, tt.change)
			}
		})
	}
}

// Without compare, the answer is exactly what it was before compare existed.
func TestSummaryWithoutCompare(t *testing.T) {
	e := newEnv(t)
	e.setInteractions(map[string]string{"2026-10-31": "20", "2026-11-01": "10", "2026-11-03": "NULL"})
	rec := e.get(summaryPath + "?start=2026-11-01&end=2026-11-03")
	want := `{"period":"daily","start":"2026-11-01","end":"2026-11-03","timezone":"Europe/Berlin","total":10,"buckets":[` +
		`{"label":"11-01","start":"2026-11-01","end":"2026-11-01","count":10},` +
		`{"label":"11-02","start":"2026-11-02","end":"2026-11-02","count":0},` +
		`{"label":"11-03","start":"2026-11-03","end":"2026-11-03","count":0}]}`
	if got := rec.Body.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// With it, the same fields first, then previous and change_percent.
	rec = e.get(summaryPath + "?start=2026-11-01&end=2026-11-03&compare=previous")
	want = want[:len(want)-1] + `,"previous":{"start":"2026-10-29","end":"2026-10-31","total":20},"change_percent":-50}`
	if got := rec.Body.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestSummaryCompareInvalid(t *testing.T) {
	e := newEnv(t)
	for _, q := range []string{
		"compare=", "compare=Previous", "compare=prev", "compare=next", "compare=previous&compare=previous",
		"compare=previous&start=0001-01-01&end=0001-01-02", // nothing before 0001-01-01
	} {
		t.Run(q, func(t *testing.T) {
			got := wantWPError(t, e.get(summaryPath+"?"+q), http.StatusBadRequest, "rest_invalid_param")
			if got.Data.Params["compare"] == "" {
				t.Errorf("data.params.compare missing: %+v", got.Data.Params)
			}
		})
	}
	// The earliest window that has a previous one.
	if rec := e.get(summaryPath + "?compare=previous&start=0001-01-03&end=0001-01-04"); rec.Code != http.StatusOK {
		t.Errorf("0001-01-03..04: %d %s", rec.Code, rec.Body.String())
	}
}

// compare is the interactions summary's alone: the log's summaries ignore it, as they
// ignore any parameter they do not know, and their answers stay as they were.
func TestCompareOnlyOnInteractions(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/wp-json/kchat/v1/conversations/summary", "/wp-json/kchat/v1/tokens/summary"} {
		plain := e.get(path + "?start=2026-11-01")
		for _, q := range []string{"&compare=previous", "&compare=bogus"} {
			rec := e.get(path + "?start=2026-11-01" + q)
			if rec.Code != http.StatusOK || rec.Body.String() != plain.Body.String() {
				t.Errorf("%s%s: %d, body differs from the answer without it", path, q, rec.Code)
			}
		}
	}
}
