package api

import (
	"context"
	"database/sql"

	"github.com/kchat-sidecar/kchat-sidecar/api/auth"
	"github.com/kchat-sidecar/kchat-sidecar/api/insights"
	"github.com/kchat-sidecar/kchat-sidecar/api/logstats"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// The ports: what the API needs from the database, each handler group its own
// interface. The tables are the plugin's interactions table, its conversation log
// (chatbot_chatgpt_conversation_log, "the log" throughout), and WordPress's options and users.

// InteractionStore reads the plugin's interactions table.
type InteractionStore interface {
	DailyCounts(ctx context.Context, r repository.DateRange) ([]repository.DayCount, error)
	CountDays(ctx context.Context, r repository.DateRange) (int, error)
	ListDays(ctx context.Context, r repository.DateRange, descending bool, limit, offset int) ([]repository.DayCount, error)
	EachDay(ctx context.Context, r repository.DateRange, fn func(repository.DayCount) error) error
}

// LogStore reads the plugin's conversation log.
type LogStore interface {
	EachLogRow(ctx context.Context, r repository.DateRange, tokensOnly bool, fn func([]sql.NullString) error) error
}

// LogSummaryStore reads the conversation log for its summaries, counted per day by
// logstats.
type LogSummaryStore = logstats.Store

// InsightStore reads the conversation log for the Insights routes (see package
// insights), and the titles of the pages it names.
type InsightStore interface {
	insights.Source
	Posts(ctx context.Context, ids []int64) (map[int64]repository.Post, error)
}

// SiteStore reads the site's options, and its row of {prefix}blogs when the site is one
// of a network's (ok false otherwise).
type SiteStore interface {
	SiteSettings(ctx context.Context) (repository.SiteSettings, error)
	Blog(ctx context.Context) (row repository.SiteRow, ok bool, err error)
}

// UserStore reads WordPress users with their capabilities on this site, for package
// auth.
type UserStore = auth.UserStore

// ReadinessChecker tells whether the database answers and holds the plugin's table.
type ReadinessChecker interface {
	CheckReady(ctx context.Context) error
}

// Store is everything the API reads; *repository.DB implements it.
type Store interface {
	InteractionStore
	LogStore
	LogSummaryStore
	InsightStore
	SiteStore
	UserStore
	ReadinessChecker
}
