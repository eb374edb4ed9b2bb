package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"generalist"
	"generalist/internal/nbfmt"
)

// cliMessages are the sentences the CLI says to its users — how an error
// is worded, and the confirmations of the commands that change stored
// data — by key, in bokmål and English ({nb, en}). The CLI speaks English;
// GENERALIST_LANG=nb (or a Norwegian LANG) makes these sentences bokmål.
// Domain errors carry a code and, where they have one, a key and its
// parameters (generalist.Errorw); wordError words them here, the web in
// web/error_i18n.go. Texts take their parameters as %[n]v.
var cliMessages = map[string][2]string{
	// Errors by code, before the error's own message when it has no key
	// here.
	"err.code.invalid":      {"ugyldig", "invalid"},
	"err.code.not_found":    {"finnes ikke", "not found"},
	"err.code.conflict":     {"konflikt med lagrede data, ingenting er endret", "conflict with stored data, nothing was changed"},
	"err.code.unauthorized": {"ikke innlogget", "not signed in"},
	"err.code.forbidden":    {"ingen tilgang", "forbidden"},
	"err.code.internal":     {"intern feil", "internal error"},
	"err.usage":             {"feil i kommandolinjen", "command line"},
	"err.english":           {"(på engelsk) %[1]v", "%[1]v"},

	// Domain errors with a key that the CLI words itself.
	"err.scenario.notfound": {"scenarioet %[1]v finnes ikke (se generalist scenario list)", "no scenario %[1]v (see generalist scenario list)"},
	"err.imc.nametaken":     {"et samarbeid med navnet «%[1]v» er allerede registrert (id %[2]v); ingenting er lagret", "a cooperation named «%[1]v» is already registered (id %[2]v); nothing was saved"},
	"err.param.task":        {"oppgaven %[1]v finnes ikke i oppgavekatalogen (se generalist tasks)", "task %[1]v is not in the catalogue (see generalist tasks)"},
	"err.param.nostaffing":  {"oppgaven %[1]v har ingen bemanningsmodell å endre", "task %[1]v has no staffing model to change"},

	// Confirmations.
	"ok.scenario.deleted":     {"Scenario %[1]v er slettet.", "Deleted scenario %[1]v."},
	"ok.scenario.stored":      {"Scenario %[1]v er lagret (versjon %[2]v).", "Stored scenario %[1]v (version %[2]v)."},
	"ok.scenario.valid":       {"%[1]v: gyldig (%[2]v advarsel(er))", "%[1]v: valid (%[2]v warning(s))"},
	"ok.scenario.dryrun":      {"%[1]v: gyldig: %[2]v sammenslåing(er) på %[3]v-strukturen, 1. januar %[4]v; ville blitt lagret som %[5]v (ingenting lagret: --dry-run).", "%[1]v: valid: %[2]v merger(s) on the %[3]v structure, 1 January %[4]v; would be stored as %[5]v (nothing stored: --dry-run)."},
	"ok.scenario.imported":    {"Scenario %[1]v er lagret (%[2]v sammenslåing(er) på %[3]v-strukturen, 1. januar %[4]v).", "Stored scenario %[1]v (%[2]v merger(s) on the %[3]v structure, 1 January %[4]v)."},
	"ok.scenario.published":   {"Scenario %[1]v er publisert: alle kan lese det (publisert av %[2]v).", "Published scenario %[1]v: anyone can read it (published by %[2]v)."},
	"ok.scenario.unpublished": {"Scenario %[1]v er ikke lenger publisert: bare innloggede brukere kan lese det.", "Unpublished scenario %[1]v: only signed-in users can read it."},
	"ok.imc.registered":       {"«%[1]v» er registrert som samarbeid %[2]v (versjon 1).", "Registered «%[1]v» as cooperation %[2]v (version 1)."},
	"ok.imc.unchanged":        {"Ingenting er endret: samarbeid %[1]v er fortsatt versjon %[2]v.", "Nothing changed: cooperation %[1]v stays at version %[2]v."},
	"ok.imc.saved":            {"Samarbeid %[1]v er lagret som versjon %[2]v.", "Saved cooperation %[1]v as version %[2]v."},
	"ok.imc.deleted":          {"Samarbeid %[1]v er slettet; historikken er beholdt (generalist imc history %[1]v).", "Deleted cooperation %[1]v; its history is kept (generalist imc history %[1]v)."},
	"ok.imc.step":             {"Steg %[1]v er %[2]v (samarbeid %[3]v, versjon %[4]v).", "Step %[1]v is %[2]v (cooperation %[3]v, version %[4]v)."},
	"ok.imc.templates":        {"Avtalemalene er skrevet til %[1]v; bruk en av dem med --template.", "Wrote the agreement templates to %[1]v; use one with --template."},
	"ok.imc.checked":          {"%[1]v er kontrollert: ville registrert %[2]v, oppdatert %[3]v og latt %[4]v være uendret; ingenting er lagret.", "Checked %[1]v: would register %[2]v, update %[3]v, leave %[4]v unchanged; nothing was stored."},
	"ok.imc.imported":         {"%[1]v er importert: %[2]v registrert, %[3]v oppdatert, %[4]v uendret.", "Imported %[1]v: %[2]v registered, %[3]v updated, %[4]v unchanged."},
	"ok.input.moderated":      {"Innspill %[1]v: %[2]v (versjon %[3]v)", "input %[1]v: %[2]v (version %[3]v)"},
	"ok.input.merged":         {"Innspill %[1]v er slått sammen med %[2]v", "input %[1]v merged into %[2]v"},
	"ok.input.erased":         {"Innspill %[1]v: personopplysningene er slettet; en anonym oppføring er beholdt", "input %[1]v: personal data erased; an anonymous record is kept"},
	"ok.input.withdrawn":      {"trukket tilbake", "withdrawn"},
	"ok.input.linked":         {"Innspill %[1]v er knyttet til scenario %[2]v", "input %[1]v linked to scenario %[2]v"},
	"ok.input.unlinked":       {"Innspill %[1]v er ikke lenger knyttet til scenario %[2]v", "input %[1]v unlinked from scenario %[2]v"},
	"ok.report.wrote":         {"%[1]v er skrevet (%[2]v byte).", "Wrote %[1]v (%[2]v bytes)."},
	"warn.audit":              {"advarsel: endringen er gjort, men ikke skrevet til revisjonsloggen: %[1]v", "warning: the change was made but not written to the audit log: %[1]v"},
}

type langKey struct{}

// withLang carries the language of the CLI's sentences in ctx.
func withLang(ctx context.Context, lang string) context.Context {
	return context.WithValue(ctx, langKey{}, lang)
}

// langOf is the language of the CLI's sentences: "en" unless main chose
// bokmål.
func langOf(ctx context.Context) string {
	if l, _ := ctx.Value(langKey{}).(string); l == "nb" {
		return "nb"
	}
	return "en"
}

// envLang is the language the environment asks for: GENERALIST_LANG
// ("nb" or "en"), else a Norwegian LC_ALL, LC_MESSAGES or LANG (nb_NO,
// no_NO, nn_NO) gives bokmål; English otherwise.
func envLang(getenv func(string) string) string {
	if l := strings.ToLower(getenv("GENERALIST_LANG")); l != "" {
		if l == "nb" || l == "no" || l == "nn" || strings.HasPrefix(l, "nb_") || strings.HasPrefix(l, "nb-") {
			return "nb"
		}
		return "en"
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if l := strings.ToLower(getenv(v)); l != "" {
			for _, p := range []string{"nb", "no", "nn"} {
				if l == p || strings.HasPrefix(l, p+"_") || strings.HasPrefix(l, p+".") {
					return "nb"
				}
			}
			return "en"
		}
	}
	return "en"
}

// text is key's sentence in lang with args filled in: numbers as the
// CLI writes them, terms in English.
func text(lang, key string, args ...any) string {
	m, ok := cliMessages[key]
	if !ok {
		return "[" + key + "]" // TestCLIMessages keeps this from happening
	}
	s := m[1]
	if lang == "nb" {
		s = m[0]
	}
	if len(args) == 0 {
		return s
	}
	nf := nbfmt.Terminal
	if lang == "nb" {
		nf = nbfmt.BokmalPlain
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case float64:
			out[i] = nf.Decimal(v, -1)
		case generalist.Term:
			out[i] = v.EN
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(s, out...)
}

// say writes key's sentence and a new line to w, in the CLI's language.
func say(ctx context.Context, w io.Writer, key string, args ...any) error {
	_, err := fmt.Fprintln(w, text(langOf(ctx), key, args...))
	return err
}

// wordError is the one place the CLI words an error for its user, in
// lang. A domain error with a key the catalogue has is worded from it;
// another domain error gets its English message, in bokmål after the
// sentence of its code; a command-line mistake its message; anything
// else the whole chain.
func wordError(lang string, err error) string {
	var u usageError
	if errors.As(err, &u) {
		if lang == "nb" {
			return text(lang, "err.usage") + ": " + string(u)
		}
		return string(u)
	}
	var e *generalist.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	if _, ok := cliMessages[e.Key]; ok && e.Key != "" && strings.HasPrefix(e.Key, "err.") {
		return text(lang, e.Key, e.Args...)
	}
	if lang == "nb" {
		code := "err.code." + e.Code
		if _, ok := cliMessages[code]; !ok {
			code = "err.code." + generalist.EINVALID
		}
		return text(lang, code) + ": " + text(lang, "err.english", e.Message)
	}
	return e.Message
}

// errorText is the error in English, as the CLI prints it by default.
func errorText(err error) string { return wordError("en", err) }

// mainLang is the language main gives the CLI's sentences.
func mainLang() string { return envLang(os.Getenv) }
