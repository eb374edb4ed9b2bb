package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/user"
	"strconv"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"generalist"
	"generalist/auth"
)

const userHelp = `Usage: generalist user <command> [flags]

Local accounts of a shared deployment. Roles:
  admin    administrator: everything, and sees the audit log
  analyst  scenarios, indicators, task parameters, moderation of innspill
  editor   municipality editor: only the cooperations its --municipality
           takes part in
Without an account everyone reads the published pages only.

Commands:
  add NAME --role ROLE [--municipality N] [--full-name TEXT]
                        add a user; the password is asked for, or read as
                        one line from standard input with --password-stdin
  list [--json]         every user
  disable NAME          disable a user: ends its sessions, revokes its tokens
  enable NAME           enable a disabled user again
  password NAME         set a new password (asked for, or --password-stdin)
  token NAME [--label TEXT] [--scope read|write]
                        make an API token for scripts; it is shown once
  tokens NAME [--json]  the user's tokens (only their first characters)
  revoke TOKEN-ID       revoke a token

Every change is written to the audit log as cli:<your login>.
`

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, userHelp)
		if len(args) == 0 {
			return usageError("user: no command given")
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	fs := newFlagSet("user "+cmd, userHelp, stderr)
	dbPath := dbFlag(fs)
	role := fs.String("role", "", "`role`: admin, analyst or editor (add)")
	muni := fs.String("municipality", "", "kommunenummer an editor edits for (add)")
	fullName := fs.String("full-name", "", "the user's full name (add)")
	pwStdin := fs.Bool("password-stdin", false, "read the password as one line from standard input (add, password)")
	label := fs.String("label", "cli", "what the token is for (token)")
	scope := fs.String("scope", generalist.ScopeRead, "token scope: read (GET only) or write (token)")
	asJSON := fs.Bool("json", false, "print JSON (list, tokens)")
	pos, err := parseFlags(fs, rest)
	if err != nil {
		return err
	}
	want := map[string]int{"add": 1, "list": 0, "disable": 1, "enable": 1, "password": 1, "token": 1, "tokens": 1, "revoke": 1}
	n, ok := want[cmd]
	if !ok {
		return unknownCommand(stderr, "user", userHelp, cmd)
	}
	if len(pos) != n {
		return usageError(fmt.Sprintf("user %s: want %d argument(s), got %d", cmd, n, len(pos)))
	}
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	c := userCmd{users: db, audit: db, stdout: stdout, stderr: stderr}
	switch cmd {
	case "add":
		return c.add(ctx, pos[0], *role, *muni, *fullName, *pwStdin)
	case "list":
		return c.list(ctx, *asJSON)
	case "disable", "enable":
		return c.setDisabled(ctx, pos[0], cmd == "disable")
	case "password":
		return c.password(ctx, pos[0], *pwStdin)
	case "token":
		return c.token(ctx, pos[0], *label, *scope)
	case "tokens":
		return c.tokens(ctx, pos[0], *asJSON)
	default: // revoke
		id, err := strconv.ParseInt(pos[0], 10, 64)
		if err != nil || id <= 0 {
			return usageError(fmt.Sprintf("user revoke: token id %q is not a positive whole number (see user tokens NAME)", pos[0]))
		}
		if err := db.RevokeToken(ctx, id); err != nil {
			return err
		}
		c.record(ctx, "user revoke", pos[0], "")
		fmt.Fprintf(stdout, "revoked token %d\n", id)
		return nil
	}
}

// stdin is where passwords are read from; tests replace it.
var stdin io.Reader = os.Stdin

type userCmd struct {
	users          generalist.UserStore
	audit          generalist.AuditStore
	stdout, stderr io.Writer
}

// cliActor names the person at the terminal in the audit log.
func cliActor() string {
	name := "unknown"
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return "cli:" + name
}

func (c userCmd) record(ctx context.Context, action, target, detail string) {
	recordCLI(ctx, c.audit, c.stderr, action, target, detail)
}

// readPassword reads a password as one line from standard input, or asks
// for it twice on a terminal without echo.
func readPassword(fromStdin bool, stderr io.Writer) (string, error) {
	if fromStdin || stdin != os.Stdin || !term.IsTerminal(int(os.Stdin.Fd())) {
		line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
		if err != nil && err != io.EOF {
			return "", err
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	fmt.Fprint(stderr, "Password: ")
	a, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(stderr)
	if err != nil {
		return "", err
	}
	fmt.Fprint(stderr, "Again: ")
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(stderr)
	if err != nil {
		return "", err
	}
	if string(a) != string(b) {
		return "", generalist.Errorf(generalist.EINVALID, "the two passwords differ")
	}
	return string(a), nil
}

// askPasswordHash reads a password (see readPassword) and returns its
// argon2id hash.
func askPasswordHash(fromStdin bool, stderr io.Writer) (string, error) {
	pw, err := readPassword(fromStdin, stderr)
	if err != nil {
		return "", err
	}
	return auth.HashPassword(pw, auth.DefaultParams)
}

func (c userCmd) add(ctx context.Context, name, role, muni, fullName string, pwStdin bool) error {
	u := &generalist.User{Name: name, FullName: fullName, Role: generalist.UserRole(role)}
	if muni != "" {
		m, err := generalist.ParseMunicipalityNumber(muni)
		if err != nil {
			return usageError(fmt.Sprintf("user add: --municipality %q: %s", muni, generalist.ErrorMessage(err)))
		}
		u.Municipality = m
	}
	u.PasswordHash = "-" // checked by Validate before asking for a password
	if err := u.Validate(); err != nil {
		return err
	}
	var err error
	if u.PasswordHash, err = askPasswordHash(pwStdin, c.stderr); err != nil {
		return err
	}
	if err := c.users.CreateUser(ctx, u); err != nil {
		return err
	}
	c.record(ctx, "user add", u.Name, "role "+string(u.Role)+" "+string(u.Municipality))
	fmt.Fprintf(c.stdout, "added user %s (%s)\n", u.Name, u.Role)
	return nil
}

func (c userCmd) list(ctx context.Context, asJSON bool) error {
	us, err := c.users.Users(ctx)
	if err != nil {
		return err
	}
	type row struct {
		Name         string `json:"name"`
		FullName     string `json:"full_name,omitempty"`
		Role         string `json:"role"`
		Municipality string `json:"municipality,omitempty"`
		Disabled     bool   `json:"disabled"`
	}
	rows := make([]row, len(us))
	for i, u := range us {
		rows[i] = row{u.Name, u.FullName, string(u.Role), string(u.Municipality), u.Disabled}
	}
	if asJSON {
		return writeJSON(c.stdout, map[string]any{"users": rows})
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tMUNICIPALITY\tSTATUS\tFULL NAME")
	for _, r := range rows {
		status := "active"
		if r.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Name, r.Role, r.Municipality, status, r.FullName)
	}
	return tw.Flush()
}

func (c userCmd) setDisabled(ctx context.Context, name string, disabled bool) error {
	u, err := c.users.UserByName(ctx, name)
	if err != nil {
		return err
	}
	u.Disabled = disabled
	if err := c.users.UpdateUser(ctx, u); err != nil {
		return err
	}
	verb := "enabled"
	if disabled {
		verb = "disabled"
	}
	c.record(ctx, "user "+strings.TrimSuffix(verb, "d"), name, "")
	fmt.Fprintf(c.stdout, "%s user %s\n", verb, name)
	return nil
}

func (c userCmd) password(ctx context.Context, name string, pwStdin bool) error {
	u, err := c.users.UserByName(ctx, name)
	if err != nil {
		return err
	}
	if u.PasswordHash, err = askPasswordHash(pwStdin, c.stderr); err != nil {
		return err
	}
	if err := c.users.UpdateUser(ctx, u); err != nil {
		return err
	}
	c.record(ctx, "user password", name, "")
	fmt.Fprintf(c.stdout, "set a new password for %s\n", name)
	return nil
}

func (c userCmd) token(ctx context.Context, name, label, scope string) error {
	if scope != generalist.ScopeRead && scope != generalist.ScopeWrite {
		return usageError(fmt.Sprintf("user token: --scope %q must be read or write", scope))
	}
	if len(label) > 200 {
		return usageError("user token: --label is longer than 200 characters")
	}
	u, err := c.users.UserByName(ctx, name)
	if err != nil {
		return err
	}
	if u.Disabled {
		return generalist.Errorf(generalist.EINVALID, "user %s is disabled", name)
	}
	secret, prefix := auth.NewToken()
	t := &generalist.APIToken{UserID: u.ID, Name: label, Scope: scope, Hash: auth.HashSecret(secret), Prefix: prefix}
	if err := c.users.CreateToken(ctx, t); err != nil {
		return err
	}
	c.record(ctx, "user token", name, fmt.Sprintf("token %d scope %s", t.ID, scope))
	fmt.Fprintf(c.stderr, "API token %d for %s (scope %s). It is shown only now; send it as \"Authorization: Bearer <token>\":\n", t.ID, name, scope)
	fmt.Fprintln(c.stdout, secret)
	return nil
}

func (c userCmd) tokens(ctx context.Context, name string, asJSON bool) error {
	u, err := c.users.UserByName(ctx, name)
	if err != nil {
		return err
	}
	ts, err := c.users.Tokens(ctx, u.ID)
	if err != nil {
		return err
	}
	if asJSON {
		type row struct {
			ID      int64  `json:"id"`
			Label   string `json:"label,omitempty"`
			Prefix  string `json:"prefix"`
			Scope   string `json:"scope"`
			Created string `json:"created"`
			Revoked bool   `json:"revoked"`
		}
		rows := make([]row, len(ts))
		for i, t := range ts {
			rows[i] = row{t.ID, t.Name, t.Prefix, t.Scope, t.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), !t.Active()}
		}
		return writeJSON(c.stdout, map[string]any{"tokens": rows})
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPREFIX\tSCOPE\tCREATED\tSTATUS\tLABEL")
	for _, t := range ts {
		status := "active"
		if !t.Active() {
			status = "revoked"
		}
		fmt.Fprintf(tw, "%d\t%s…\t%s\t%s\t%s\t%s\n", t.ID, t.Prefix, t.Scope, t.CreatedAt.Format("2006-01-02"), status, t.Name)
	}
	return tw.Flush()
}
