package web

import (
	"fmt"
	"strings"
	"time"
)

// reportFileName names a comparison report's download after what it
// compares and the day it was made, so that several reports saved to one
// folder do not overwrite each other: "sammenligning-sammenslaing-5000-
// 2026-12-07" (without the extension). Up to three scenarios are named by
// their ids; more by the first id and how many others ("-og-4-til", "-and-
// 4-more"). Only ASCII letters, digits, '-' and '_' remain.
func reportFileName(lang string, ids []string, day time.Time) string {
	prefix, more := "sammenligning", "og-%d-til"
	if lang == "en" {
		prefix, more = "comparison", "and-%d-more"
	}
	parts := []string{prefix}
	named := ids
	if len(ids) > 3 {
		named = ids[:1]
	}
	for _, id := range named {
		if id = safeFilePart(id); id != "" {
			parts = append(parts, id)
		}
	}
	if len(named) < len(ids) {
		parts = append(parts, fmt.Sprintf(more, len(ids)-len(named)))
	}
	parts = append(parts, day.In(oslo).Format("2006-01-02"))
	return strings.Join(parts, "-")
}

// safeFilePart keeps an id's ASCII letters, digits, '-' and '_', at most 60
// of them, and drops everything else.
func safeFilePart(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
		if b.Len() == 60 {
			break
		}
	}
	return strings.Trim(b.String(), "-_")
}
