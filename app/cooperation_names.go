package app

import (
	"context"

	"generalist"
)

// NameParticipants fills in the names of a cooperation's participants
// from the 2024 structure, as the store does when it keeps the record,
// so that a record that is only checked (the agreement builder's
// preview, a check posted to the API) names them in its legal check and
// draft as a stored one does: «Hjelmeland (1133)», not «1133». A
// participant already named keeps its name; a number that is no
// municipality or county of the structure stays unnamed, for validation
// to report.
func (a *App) NameParticipants(ctx context.Context, c *generalist.IMC) error {
	var munis, counties map[string]string
	for i := range c.Participants {
		p := &c.Participants[i]
		if p.Name != "" {
			continue
		}
		if p.County() {
			if counties == nil {
				cs, err := a.Store.Counties(ctx, generalist.Structure2024)
				if err != nil {
					return err
				}
				counties = make(map[string]string, len(cs))
				for _, x := range cs {
					counties[string(x.Number)] = generalist.CountyParticipantName(string(x.Number), x.Name)
				}
			}
			p.Name = counties[p.Number]
			continue
		}
		if munis == nil {
			ms, err := a.Store.Municipalities(ctx, generalist.Structure2024)
			if err != nil {
				return err
			}
			munis = make(map[string]string, len(ms))
			for _, m := range ms {
				munis[string(m.Number)] = m.Name
			}
		}
		p.Name = munis[p.Number]
	}
	return nil
}
