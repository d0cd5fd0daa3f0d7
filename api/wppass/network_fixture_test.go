package wppass_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/api/wppass"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/dump"
	"github.com/kchat-sidecar/kchat-sidecar/repository/repotest/netfixture"
)

// The passwords package netfixture states are the ones WordPress hashed into
// testdata/wordpress-network.sql (wp_set_password, and
// WP_Application_Passwords::create_new_application_password for shopadmin's).
func TestNetworkFixturePasswords(t *testing.T) {
	lits, err := dump.NetworkLiterals()
	if err != nil {
		t.Fatal(err)
	}
	// A wp_users row reads ID, user_login, user_pass, …: the hash follows the login.
	hashOf := map[string]string{}
	var appPasswords []string
	for i, l := range lits {
		if i+1 < len(lits) && strings.HasPrefix(lits[i+1], "$P$") {
			hashOf[l] = lits[i+1]
		}
		if strings.Contains(l, `s:4:"name";s:`) && strings.Contains(l, `s:8:"password";`) {
			appPasswords = append(appPasswords, l)
		}
	}
	for _, u := range netfixture.Users {
		hash, ok := hashOf[u.Login]
		if !ok {
			t.Errorf("%s: no phpass hash in the dump", u.Login)
			continue
		}
		if !wppass.Check(u.Password, hash) {
			t.Errorf("%s: %q does not match %s", u.Login, u.Password, hash)
		}
		if wppass.Check(u.Password+"x", hash) {
			t.Errorf("%s: a wrong password matches %s", u.Login, hash)
		}
	}

	if len(appPasswords) != 1 {
		t.Fatalf("application passwords in the dump: %q", appPasswords)
	}
	m := regexp.MustCompile(`s:4:"name";s:\d+:"([^"]*)";s:8:"password";s:\d+:"([^"]*)"`).FindStringSubmatch(appPasswords[0])
	if m == nil || m[1] != netfixture.AppPasswordName {
		t.Fatalf("application password entry: %s", appPasswords[0])
	}
	if !wppass.CheckApplicationPassword(netfixture.AppPassword, m[2]) {
		t.Errorf("application password %q does not match %s", netfixture.AppPassword, m[2])
	}
}
