package web

import "fmt"

// accountMessages are the texts of sign-in, the account page and the
// administrator's overview.
var accountMessages = map[string][2]string{
	"nav.account":           {"Konto", "Account"},
	"login":                 {"Logg inn", "Sign in"},
	"logout":                {"Logg ut", "Sign out"},
	"login.lead":            {"Innlogging er for analytikere, kommuneredaktører og administratorer. Alle publiserte sider kan leses uten å logge inn. Kontoer opprettes av en administrator.", "Signing in is for analysts, municipality editors and administrators. Every published page can be read without signing in. An administrator creates the accounts."},
	"login.name":            {"Brukernavn", "User name"},
	"login.password":        {"Passord", "Password"},
	"login.failed":          {"Feil brukernavn eller passord.", "Wrong user name or password."},
	"login.throttled":       {"For mange innloggingsforsøk. Vent litt og prøv igjen.", "Too many sign-in attempts. Wait a while and try again."},
	"account":               {"Min konto", "My account"},
	"account.fullname":      {"Navn", "Name"},
	"account.role":          {"Rolle", "Role"},
	"account.municipality":  {"Kommune", "Municipality"},
	"account.expires":       {"Innloggingen utløper", "Signed in until"},
	"account.tokens":        {"API-nøkler", "API tokens"},
	"account.tokens.lead":   {"API-nøkler lar programmer og skript hente data fra tjenesten som deg. En administrator lager og trekker dem tilbake; bare begynnelsen av nøkkelen vises her.", "API tokens let programs and scripts fetch data from the service as you. An administrator makes and revokes them; only the start of a token is shown here."},
	"account.tokens.tech":   {"Administratoren lager en nøkkel med kommandoen", "The administrator makes a token with the command"},
	"account.tokens.none":   {"Du har ingen API-nøkler. Trenger et program tilgang som deg, be en administrator om en nøkkel.", "You have no API tokens. If a program needs access as you, ask an administrator for one."},
	"account.token.name":    {"Navn", "Name"},
	"account.token.prefix":  {"Begynner med", "Starts with"},
	"account.token.scope":   {"Tilgang", "Scope"},
	"account.token.created": {"Laget", "Created"},
	"account.token.status":  {"Status", "Status"},
	"account.token.active":  {"aktiv", "active"},
	"account.token.revoked": {"trukket tilbake", "revoked"},
	"admin":                 {"Administrasjon", "Administration"},
	"admin.users":           {"Brukere", "Users"},
	"admin.users.lead":      {"Brukere legges til, deaktiveres og får API-nøkler på kommandolinjen på tjeneren.", "Users are added, disabled and given API tokens on the command line of the server."},
	"admin.users.tech":      {"Kommandoene er", "The commands are"},
	"admin.disabled":        {"deaktivert", "disabled"},
	"admin.audit":           {"Endringslogg", "Audit log"},
	"admin.erasure":         {"Sletting av personopplysninger", "Erasing personal data"},
	"admin.erasure.lead":    {"Når personopplysningene i et innspill slettes, fjernes de fra tabellene, og SQLite fjerner dem også fra loggfilen sin (WAL). PostgreSQL frigjør plassen med VACUUM etter slettingen, men overskriver den ikke: kjør «VACUUM FULL inputs, input_attachments» for å fjerne bytene fra datafilene med én gang, og husk at de ligger i PostgreSQLs WAL-arkiv og i sikkerhetskopier (også Generalists egne) til disse slettes.", "Erasing the personal data of an innspill removes it from the tables, and SQLite removes it from its log file (WAL) as well. PostgreSQL frees the space with VACUUM after the erasure but does not overwrite it: run «VACUUM FULL inputs, input_attachments» to remove the bytes from the data files at once, and remember that they remain in PostgreSQL's WAL archive and in backups (Generalist's own included) until these are deleted."},
	"admin.audit.none":      {"Ingen endringer er logget.", "No changes are logged."},
	"admin.audit.at":        {"Tidspunkt", "Time"},
	"admin.audit.action":    {"Handling", "Action"},
	"admin.audit.target":    {"Hva", "What"},
	"admin.audit.remote":    {"Fra adresse", "From address"},
	"userrole.admin":        {"administrator", "administrator"},
	"userrole.analyst":      {"analytiker", "analyst"},
	"userrole.editor":       {"kommuneredaktør", "municipality editor"},
	"userrole.public":       {"publikum", "public"},
}

func init() {
	for k, v := range accountMessages {
		if _, dup := messages[k]; dup {
			panic(fmt.Sprintf("web: message key %q of the account pages is defined twice", k))
		}
		messages[k] = v
	}
}
