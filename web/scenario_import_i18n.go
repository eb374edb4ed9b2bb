package web

// scenarioImportMessages word the refusals of a plan file's import (the
// scenario import page; the upload ones the registry's import page too),
// as keyed errors (see errorMessages). Added to messages at start.
var scenarioImportMessages = map[string][2]string{
	"err.plan.norows":       {"Filen %[1]v har ingen rader, så det er ingen plan å lage et scenario av. Legg inn én rad per kommune under overskriften (kommunenummer, gruppe), eller i GeoJSON ett objekt per kommune.", "The file %[1]v has no rows, so there is no plan to make a scenario of. Give one row per municipality under the header (kommunenummer, gruppe), or in GeoJSON one feature per municipality."},
	"err.structure.unknown": {"Kommunestrukturen «%[1]v» finnes ikke. Velg en av strukturene 2019, 2020 og 2024.", "There is no municipality structure «%[1]v». Choose one of the structures 2019, 2020 and 2024."},
	"err.upload.damaged":    {"Filen som ble sendt tilbake fra forhåndsvisningen, er skadet. Velg filen på nytt.", "The file sent back from the preview is damaged. Choose the file again."},
	"err.upload.unreadable": {"Filen kunne ikke leses. Velg den på nytt.", "The file could not be read. Choose it again."},
	"err.upload.large":      {"Filen er større enn %[1]v MB. Del den opp, eller fjern kolonner som ikke trengs.", "The file is larger than %[1]v MB. Split it, or remove columns that are not needed."},
}

func init() { addMessages("the plan import", scenarioImportMessages) }
