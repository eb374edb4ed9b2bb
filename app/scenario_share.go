package app

import (
	"context"
	"strings"

	"generalist"
)

// Who may read a scenario: the shipped examples and the published stored
// scenarios are public; a stored scenario that is not published is the
// analysts' working material, readable by signed-in users only (the edges
// say whether the reader is signed in: Scenario, Scenarios). Analysts
// publish and unpublish (the edges check the role).

// readable reports whether a reader may see a stored scenario.
func readable(sc *generalist.Scenario, signedIn bool) bool {
	return signedIn || sc.Published != nil
}

// PublishScenario makes a stored scenario readable by anyone, recorded as
// published by who, now. ENOTFOUND for an unknown id (examples are public
// already and cannot be published).
func (a *App) PublishScenario(ctx context.Context, id, who string) (*generalist.Scenario, error) {
	if strings.TrimSpace(who) == "" {
		return nil, generalist.Errorf(generalist.EINVALID, "publishing needs the name of who publishes")
	}
	if err := a.Store.PublishScenario(ctx, id, generalist.Publication{By: who, At: a.now().UTC()}); err != nil {
		return nil, err
	}
	return a.Store.Scenario(ctx, id)
}

// UnpublishScenario makes a stored scenario readable by signed-in users
// only again: it is gone from the public pages and the public API.
// ENOTFOUND for an unknown id.
func (a *App) UnpublishScenario(ctx context.Context, id string) (*generalist.Scenario, error) {
	if err := a.Store.UnpublishScenario(ctx, id); err != nil {
		return nil, err
	}
	return a.Store.Scenario(ctx, id)
}
