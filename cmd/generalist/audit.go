package main

import (
	"context"
	"fmt"
	"io"

	"generalist"
)

// recordCLI writes an audit entry for a change made on the command line,
// as cli:<login>. The change is made already; a failure to log it is a
// warning, not an error that would suggest the change failed.
func recordCLI(ctx context.Context, a generalist.AuditStore, stderr io.Writer, action, target, detail string) {
	e := &generalist.AuditEntry{User: cliActor(), Action: action, Target: target, Detail: detail}
	if err := a.RecordAudit(context.WithoutCancel(ctx), e); err != nil {
		fmt.Fprintf(stderr, "warning: the change was made but not written to the audit log: %v\n", err)
	}
}
