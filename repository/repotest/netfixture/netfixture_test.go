package netfixture_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// The facts are those the dump's header states (make-network.php writes it from what it
// made), so a rebuilt fixture cannot leave them behind unnoticed. The database itself is
// checked against them in package repository.
func TestFactsMatchTheDumpHeader(t *testing.T) {
	raw, err := os.ReadFile(dump.NetworkPath())
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(raw), "\n/*")
	header += "\n"
	facts := []string{
		"Subdirectory network on " + netfixture.Domain + " (network 1), base prefix " + netfixture.BasePrefix + ",",
		"'today' when it was made: " + netfixture.Today.Format("2006-01-02"),
		"JWT_AUTH_SECRET_KEY of the network's wp-config.php (one for all sites): " + netfixture.Secret + "\n",
		"Application password of " + netfixture.ShopAdmin.Login + ", named " + netfixture.AppPasswordName + ": " + netfixture.AppPassword + "\n",
		"Super admins (site_admins): " + netfixture.NetAdmin.Login + ", " + netfixture.SuperHelper.Login + "\n",
	}
	for _, s := range netfixture.Sites {
		zone := s.TimezoneString
		if zone == "" {
			zone = "''"
		}
		line := fmt.Sprintf("--   %d %s %q %s | %s / %s | %d | ", s.BlogID, s.Path, s.Name, s.Home, zone, s.GMTOffset, s.StartOfWeek)
		if s.Chatbot {
			line += fmt.Sprintf("%s; interactions %d days %s..%s, total %d; log %d rows\n", s.ReportingPeriod, s.Days,
				s.FirstDay.Format("2006-01-02"), netfixture.Today.Format("2006-01-02"), s.Total, s.LogRows)
		} else {
			line += "no chatbot tables"
		}
		facts = append(facts, line)
		if want := fmt.Sprintf("wp_%d_", s.BlogID); s.BlogID > 1 && s.Prefix != want || s.BlogID == 1 && s.Prefix != netfixture.BasePrefix {
			t.Errorf("site %d: prefix %q", s.BlogID, s.Prefix)
		}
	}
	for _, u := range netfixture.Users {
		facts = append(facts, fmt.Sprintf("--   %s / %s , ID %d, ", u.Login, u.Password, u.ID))
	}
	for _, fact := range facts {
		if !strings.Contains(header, fact) {
			t.Errorf("the network fixture's header does not say %q", fact)
		}
	}
}

// make-network.php writes the plugin's tables itself (the plugin is not in Debian's
// package); they must come out exactly as the plugin made them on the real 6.1 site.
func TestChatbotTablesAsThePluginMakesThem(t *testing.T) {
	single, err := os.ReadFile(dump.Path())
	if err != nil {
		t.Fatal(err)
	}
	network, err := os.ReadFile(dump.NetworkPath())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range netfixture.Sites {
		for _, table := range []string{"chatbot_chatgpt_interactions", "chatbot_chatgpt_conversation_log"} {
			want := createTable(string(single), "wp_", table)
			got := createTable(string(network), s.Prefix, table)
			switch {
			case want == "":
				t.Fatalf("no CREATE TABLE wp_%s in %s", table, dump.Path())
			case !s.Chatbot && got != "":
				t.Errorf("%s%s exists; the site has no chatbot tables", s.Prefix, table)
			case s.Chatbot && got != want:
				t.Errorf("%s%s:\n%s\nthe plugin's:\n%s", s.Prefix, table, got, want)
			}
		}
	}
}

// createTable returns the dump's CREATE TABLE statement for prefix+table with the name
// and the AUTO_INCREMENT counter taken out, or "".
func createTable(script, prefix, table string) string {
	_, rest, ok := strings.Cut(script, "CREATE TABLE `"+prefix+table+"` (")
	if !ok {
		return ""
	}
	stmt, _, _ := strings.Cut(rest, ";")
	return regexp.MustCompile(` AUTO_INCREMENT=\d+`).ReplaceAllString(stmt, "")
}
