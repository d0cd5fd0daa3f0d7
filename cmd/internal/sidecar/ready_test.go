package sidecar_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/kchat-sidecar/kchat-sidecar/api"
	"github.com/kchat-sidecar/kchat-sidecar/cmd/internal/sidecar"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/fixture"
)

// The Compose stack starts the sidecar on an empty database: WordPress is installed
// later, and the chatbot's tables appear only when the set-up activates the plugin. The
// sidecar must keep serving through all of it (503, never a crash or a 500) and become
// ready by itself, with no restart.
func TestReadyOnceThePluginIsActivated(t *testing.T) {
	db := repotest.NewDatabase(t)
	m := &sidecar.Main{
		Config: sidecar.Config{
			Listen: "127.0.0.1:0", ShutdownTimeout: 10 * time.Second, LogFormat: "json",
			Repository: repository.Config{DSN: db.ReadOnlyDSN(t), TablePrefix: "wp_", BlogID: 1, QueryTimeout: 5 * time.Second},
			API:        api.Config{JWTSecret: []byte(fixture.Secret)},
		},
		Log: &repotest.Buffer{},
	}
	if err := m.Run(context.Background()); err != nil {
		t.Fatalf("the sidecar must start on an empty database: %v", err)
	}
	defer m.Close()
	base := "http://" + m.Addr()
	tok := adminToken(t)
	summary := base + "/wp-json/kchat/v1/interactions/summary?period=monthly&start=2025-01-01&end=2025-12-31"

	notReady := func(stage string) {
		t.Helper()
		if resp, body := get(t, base+"/healthz", ""); resp.StatusCode != http.StatusOK {
			t.Errorf("%s: healthz %d %s", stage, resp.StatusCode, body)
		}
		resp, body := get(t, base+"/readyz", "")
		var e struct{ Code string }
		json.Unmarshal(body, &e)
		if resp.StatusCode != http.StatusServiceUnavailable || e.Code != "kchat_table_missing" {
			t.Errorf("%s: readyz %d %s", stage, resp.StatusCode, body)
		}
		if resp, body := get(t, summary, tok); resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: summary %d %s", stage, resp.StatusCode, body)
		}
	}

	notReady("no WordPress yet")

	// WordPress installed, the chatbot not yet activated.
	db.LoadFixture(t)
	db.Exec(t, "RENAME TABLE wp_chatbot_chatgpt_interactions TO kchat_later_interactions, wp_chatbot_chatgpt_conversation_log TO kchat_later_log")
	notReady("WordPress without the chatbot's tables")

	// The set-up activates the plugin, which creates its tables.
	db.Exec(t, "RENAME TABLE kchat_later_interactions TO wp_chatbot_chatgpt_interactions, kchat_later_log TO wp_chatbot_chatgpt_conversation_log")
	// Data routes see the tables at once; /readyz shares one probe a second, so it may
	// say so up to a second later.
	if resp, body := get(t, summary, tok); resp.StatusCode != http.StatusOK {
		t.Errorf("with the tables there: summary %d %s", resp.StatusCode, body)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		resp, body := get(t, base+"/readyz", "")
		if resp.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("with the tables there: readyz still %d %s after 3 s", resp.StatusCode, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
