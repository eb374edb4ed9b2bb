package web

// editorNameMessages are the texts of the plan editor's name field
// (editor_name.go, editor.js), added to messages at start: the field
// starts empty with a hint, and a scenario is saved only with a name.
var editorNameMessages = map[string][2]string{
	"ed.name.placeholder": {"For eksempel «Dalane samlet»", "For example «Dalane merged»"},
	"ed.js.save.noname":   {"Gi scenarioet et navn før du lagrer det: skriv navnet i feltet «Navn på scenarioet». Ingenting er lagret.", "Give the scenario a name before you save it: type the name in the field «Name of the scenario». Nothing was saved."},
}

func init() { addMessages("the plan editor's name", editorNameMessages) }
