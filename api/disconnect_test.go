package api_test

import (
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A client that walks away from a large export stops the database query within a
// second: the request's context cancels the cursor, and nothing keeps reading rows for
// nobody. (MariaDB only: the embedded engine's process list does not show the query.)
func TestExportDisconnectStopsQuery(t *testing.T) {
	e := newEnv(t)
	if e.db.Embedded {
		t.Skip("needs a real server's process list; CI runs this against MariaDB")
	}
	// 400 rows doubled 9 times: 204,800 rows, enough that an export takes a while.
	for i := 0; i < 9; i++ {
		e.db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (session_id, user_id, page_id, interaction_time, user_type, message_text) "+
			"SELECT session_id, user_id, page_id, interaction_time, user_type, CONCAT(message_text, ' ', REPEAT('x', 200)) FROM wp_chatbot_chatgpt_conversation_log")
	}
	ts := httptest.NewServer(e.server)
	defer ts.Close()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/wp-json/kchat/v1/conversations/export", nil)
	req.Header.Set("Authorization", "Bearer "+e.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(resp.Body, make([]byte, 64<<10)); err != nil {
		t.Fatalf("reading the start of the export: %v", err)
	}
	running := func() int {
		db, err := sql.Open("mysql", e.db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.Query("SELECT COALESCE(info, '') FROM information_schema.processlist WHERE db = DATABASE()")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var info string
			rows.Scan(&info)
			if strings.Contains(info, "chatbot_chatgpt_conversation_log") && !strings.Contains(info, "processlist") {
				n++
			}
		}
		return n
	}
	if running() == 0 {
		t.Fatal("the export's query is not running while the client reads; the test would prove nothing")
	}
	resp.Body.Close() // the client walks away
	start := time.Now()
	for running() > 0 {
		if time.Since(start) > time.Second {
			t.Fatalf("the export's query still runs %v after the client left", time.Since(start))
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("query gone %v after the disconnect", time.Since(start).Round(time.Millisecond))
}
