package refdata

import "generalist/data"

// CooperationTemplateFile is the name of the CSV template for importing
// existing inter-municipal cooperations (docs/samarbeid-import.md).
const CooperationTemplateFile = "samarbeid_mal.csv"

// CooperationTemplate returns the CSV template for importing existing
// inter-municipal cooperations, as shipped in data/.
func CooperationTemplate() ([]byte, error) {
	return data.FS.ReadFile(CooperationTemplateFile)
}
