package geo

import (
	"fmt"
	"io"

	"generalist"
	"generalist/data"
)

// embeddedFiles names the boundary files of each structure in data/geo.
var embeddedFiles = map[generalist.Structure][2]string{
	generalist.Structure2024: {"geo/kommuner_2024_S.geojson", "geo/fylker_2024_S.geojson"},
	generalist.Structure2020: {"geo/kommuner_2020_M.geojson", "geo/fylker_2020_S.geojson"},
}

// EmbeddedStructures lists the structures that have embedded boundaries.
var EmbeddedStructures = []generalist.Structure{generalist.Structure2020, generalist.Structure2024}

// Embedded reads the embedded municipality and county boundaries of a
// structure. ENOTFOUND for a structure without boundaries (2019).
func Embedded(s generalist.Structure) (municipalities, counties []Feature, err error) {
	files, ok := embeddedFiles[s]
	if !ok {
		return nil, nil, generalist.Errorf(generalist.ENOTFOUND, "no boundaries for the %d structure", s)
	}
	read := func(name string, fn func(io.Reader) ([]Feature, error)) ([]Feature, error) {
		f, err := data.FS.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fs, err := fn(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return fs, nil
	}
	if municipalities, err = read(files[0], ReadMunicipalities); err != nil {
		return nil, nil, err
	}
	if counties, err = read(files[1], ReadCounties); err != nil {
		return nil, nil, err
	}
	if len(municipalities) != s.Size() {
		return nil, nil, fmt.Errorf("%s: %d municipalities, the %d structure has %d", files[0], len(municipalities), s, s.Size())
	}
	return municipalities, counties, nil
}
