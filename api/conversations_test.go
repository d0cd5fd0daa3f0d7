package api_test

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
)

// logRows reads the conversation log as the database prints it (text protocol, no
// time parsing): the bytes the plugin's PHP export would write.
func logRows(t *testing.T, e *env, cols, where string) [][]string {
	t.Helper()
	cfg, err := mysql.ParseDSN(e.db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ParseTime = false
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT " + cols + " FROM wp_chatbot_chatgpt_conversation_log " + where + " ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := len(strings.Split(cols, ","))
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, n)
		dest := make([]any, n)
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		rec := make([]string, n)
		for i, v := range vals {
			rec[i] = v.String
		}
		out = append(out, rec)
	}
	return out
}

func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	return records
}

const allLogColumns = "id,session_id,user_id,page_id,interaction_time,user_type,thread_id,assistant_id,assistant_name,message_text,sentiment_score"

func TestConversationExport(t *testing.T) {
	e := newEnv(t)
	want := logRows(t, e, allLogColumns, "")
	if len(want) != 400 {
		t.Fatalf("fixture has %d log rows", len(want))
	}

	// Byte-faithful: parsing the CSV back gives the database's rows exactly.
	rec := e.get("/wp-json/kchat/v1/conversations/export?escape_formulas=false")
	if got, wantCD := rec.Header().Get("Content-Disposition"), `attachment; filename="Chatbot-ChatGPT-Conversation-Logs-2026-11-25.csv"`; got != wantCD {
		t.Errorf("Content-Disposition %q", got)
	}
	got := readCSV(t, rec.Body.Bytes())
	if strings.Join(got[0], ",") != allLogColumns {
		t.Errorf("header %v", got[0])
	}
	if len(got)-1 != len(want) {
		t.Fatalf("%d rows exported, table has %d", len(got)-1, len(want))
	}
	for i := range want {
		if strings.Join(got[i+1], "\x00") != strings.Join(want[i], "\x00") {
			t.Fatalf("row %d: exported %q, table %q", i+1, got[i+1], want[i])
		}
	}

	// Safe by default: formula-like text is neutralised, numbers and the rest untouched.
	got = readCSV(t, e.get("/wp-json/kchat/v1/conversations/export").Body.Bytes())
	seen := map[string]bool{}
	for i, row := range got[1:] {
		for j, cell := range row {
			orig := want[i][j]
			switch {
			case cell == orig:
				if orig != "" && strings.ContainsRune("=+@\t\r", rune(orig[0])) {
					t.Errorf("row %d column %d: %q was not neutralised", i+1, j, orig)
				}
			case cell == "'"+orig:
				seen[orig[:1]] = true
			default:
				t.Errorf("row %d column %d: %q became %q", i+1, j, orig, cell)
			}
		}
	}
	for _, c := range []string{"=", "@", "+"} {
		if !seen[c] {
			t.Errorf("the fixture's %q text was not neutralised", c)
		}
	}

	// One site-local day of interaction_time.
	got = readCSV(t, e.get("/wp-json/kchat/v1/conversations/export?start=2026-11-09&end=2026-11-09").Body.Bytes())
	day := logRows(t, e, "id", "WHERE interaction_time >= '2026-11-09' AND interaction_time < '2026-11-10'")
	if len(got)-1 != len(day) || len(day) == 0 {
		t.Errorf("2026-11-09: %d rows exported, %d in the table", len(got)-1, len(day))
	}

	for _, q := range []string{"escape_formulas=maybe", "start=2026-11-10&end=2026-11-09", "bom=yes", "end=x"} {
		wantWPError(t, e.get("/wp-json/kchat/v1/conversations/export?"+q), http.StatusBadRequest, "rest_invalid_param")
	}
	wantWPError(t, e.do(http.MethodGet, "/wp-json/kchat/v1/conversations/export", "Bearer "+e.tokenFor(editorID)), http.StatusForbidden, "rest_forbidden")
}

func TestTokenExport(t *testing.T) {
	e := newEnv(t)
	cols := "id,session_id,user_id,interaction_time,user_type,message_text"
	want := logRows(t, e, cols, "WHERE user_type IN ('Prompt Tokens','Completion Tokens','Total Tokens')")
	rec := e.get("/wp-json/kchat/v1/tokens/export?bom=1")
	if got := rec.Header().Get("Content-Disposition"); got != `attachment; filename="Chatbot-ChatGPT-Token-Usage-2026-11-25.csv"` {
		t.Errorf("Content-Disposition %q", got)
	}
	body := rec.Body.Bytes()
	if !bytes.HasPrefix(body, []byte("\uFEFF"+cols+"\r\n")) {
		t.Errorf("BOM and header: %q", body[:min(len(body), 80)])
	}
	got := readCSV(t, bytes.TrimPrefix(body, []byte("\uFEFF")))
	if len(got)-1 != len(want) || len(want) != 240 {
		t.Fatalf("%d token rows exported, table has %d", len(got)-1, len(want))
	}
	for i := range want {
		if strings.Join(got[i+1], ",") != strings.Join(want[i], ",") {
			t.Fatalf("row %d: %v, table %v", i+1, got[i+1], want[i])
		}
	}
}
