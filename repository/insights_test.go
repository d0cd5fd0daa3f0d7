package repository_test

import (
	"context"
	"testing"

	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// EachInsightRow reads the rows from a time onward in an id range, every column as the
// database has it (but a tab in user_id or page_id, read as a space); NULL and 0 scores
// stay apart.
func TestEachInsightRow(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	db.Exec(t, "DELETE FROM wp_chatbot_chatgpt_conversation_log")
	db.Exec(t, "INSERT INTO wp_chatbot_chatgpt_conversation_log (id, session_id, user_id, page_id, interaction_time, user_type, thread_id, assistant_id, assistant_name, message_text, sentiment_score) VALUES"+
		" (10, 's1', '7', '42', '2026-12-01 23:59:59', 'Visitor', 't', 'asst', 'Helper', 'too early', 0.5),"+
		" (11, 's1', NULL, NULL, '2026-12-02 00:00:00', 'Visitor', NULL, NULL, NULL, 'Hi ’there’', NULL),"+
		" (12, 's1', '0', '42', '2026-12-02 08:30:01', 'Chatbot', NULL, 'asst', 'Helper', 'could you rephrase', 0),"+
		" (13, 's1', '0', '42', '2026-12-02 08:30:01', 'Total Tokens', NULL, NULL, NULL, ' 42 ', -0.3),"+
		" (14, 's2', '0', '0', '2026-11-01 08:00:00', 'Visitor', NULL, NULL, NULL, 'old', NULL),"+
		" (15, 's\t3', '5\t', '4\t2\t', '2026-12-03 10:00:00', 'Prompt Tokens', NULL, 'a\tb', 'N\t', '1\t2', 1)")
	type got struct {
		id                                             int64
		session, user, page, at, assistant, name, text string
		kind                                           repository.LogKind
		score                                          float64
		scored                                         bool
	}
	var rows []got
	read := func(from string, after, upto int64) {
		t.Helper()
		rows = nil
		err := repo.EachInsightRow(ctx, from, after, upto, func(r *repository.InsightRow) error {
			rows = append(rows, got{r.ID, string(r.Session), string(r.UserID), string(r.PageID), string(r.Time), string(r.AssistantID),
				string(r.AssistantName), string(r.Text), r.Kind, r.Score, r.Scored})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	read("2026-12-02 00:00:00", 0, 100)
	want := []got{
		{11, "s1", "", "", "2026-12-02 00:00:00", "", "", "Hi ’there’", repository.KindVisitor, 0, false},
		{12, "s1", "0", "42", "2026-12-02 08:30:01", "asst", "Helper", "could you rephrase", repository.KindChatbot, 0, true},
		{13, "s1", "0", "42", "2026-12-02 08:30:01", "", "", " 42 ", repository.KindTotalTokens, -0.3, true},
		{15, "s\t3", "5 ", "4 2 ", "2026-12-03 10:00:00", "a\tb", "N\t", "1\t2", repository.KindPromptTokens, 1, true},
	}
	if len(rows) != len(want) {
		t.Fatalf("got %+v, want %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, rows[i], want[i])
		}
	}
	read("2026-01-01 00:00:00", 11, 13)
	if len(rows) != 2 || rows[0].id != 12 || rows[1].id != 13 {
		t.Errorf("ids (11, 13]: %+v", rows)
	}

	texts, err := repo.LogTexts(ctx, []int64{11, 14, 99})
	if err != nil || len(texts) != 2 || texts[11] != "Hi ’there’" || texts[14] != "old" {
		t.Errorf("LogTexts: %v %v", texts, err)
	}
}

// Posts reads titles and types; a site without the posts table has none.
func TestPosts(t *testing.T) {
	repo, db := openFixture(t)
	ctx := context.Background()
	if posts, err := repo.Posts(ctx, []int64{1, 2}); err != nil || len(posts) != 0 {
		t.Errorf("without wp_posts: %v %v", posts, err)
	}
	db.Exec(t, "CREATE TABLE wp_posts (ID bigint(20) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, post_title text NOT NULL, post_type varchar(20) NOT NULL DEFAULT 'post')")
	db.Exec(t, "INSERT INTO wp_posts (ID, post_title, post_type) VALUES (1, 'Shipping', 'page'), (2, 'News', 'post'), (3, 'Other', 'post')")
	posts, err := repo.Posts(ctx, []int64{1, 2, 9})
	if err != nil || len(posts) != 2 || posts[1] != (repository.Post{Title: "Shipping", Type: "page"}) || posts[2] != (repository.Post{Title: "News", Type: "post"}) {
		t.Errorf("Posts: %+v %v", posts, err)
	}
	if posts, err := repo.Posts(ctx, nil); err != nil || len(posts) != 0 {
		t.Errorf("no ids: %v %v", posts, err)
	}
}
