package period

import "time"

// WeekStart is the first day of d's week, for weeks that begin on startOfWeek, as the
// weekly buckets begin. A week that began before 0001-01-01 starts, for this package, on
// 0001-01-01, so that every date it gives out is one ParseDate accepts. Only the tests
// need it by itself.
func WeekStart(d Date, startOfWeek time.Weekday) Date {
	return dateOfDay(max(weekStart(d.day(), startOfWeek), minDay))
}
