package api

import (
	"context"
	"database/sql"

	"github.com/labstack/echo/v4"

	"github.com/kchat-sidecar/kchat-sidecar/api/csvsafe"
	"github.com/kchat-sidecar/kchat-sidecar/repository"
)

// LogStore reads the plugin's conversation log.
type LogStore interface {
	EachLogRow(ctx context.Context, r repository.DateRange, tokensOnly bool, fn func([]sql.NullString) error) error
}

// exportLog answers GET /conversations/export and /tokens/export: the plugin's
// conversation and token usage downloads, streamed from the cursor. Text a spreadsheet
// would run as a formula is neutralised unless escape_formulas=false asks for the
// database's bytes exactly.
func (s *Server) exportLog(tokensOnly bool) echo.HandlerFunc {
	name, header := "Chatbot-ChatGPT-Conversation-Logs", repository.LogColumns
	if tokensOnly {
		name, header = "Chatbot-ChatGPT-Token-Usage", repository.TokenColumns
	}
	return func(c echo.Context) error {
		q := newQuery(c.Request().URL.RawQuery)
		start, end, hasStart, hasEnd := q.dateRange()
		bom := q.boolean("bom", false)
		escape := q.boolean("escape_formulas", true)
		if err := q.err(); err != nil {
			return err
		}
		record := make([]string, len(header))
		return s.streamCSV(c, name, bom, header, func(emit func([]string) error) error {
			return s.store.EachLogRow(c.Request().Context(), dateRange(start, end, hasStart, hasEnd), tokensOnly,
				func(row []sql.NullString) error {
					for i, cell := range row {
						record[i] = cell.String // NULL is an empty cell, as in the plugin's export
						if escape {
							record[i] = csvsafe.Neutralize(record[i])
						}
					}
					return emit(record)
				})
		})
	}
}
