package refdata

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"generalist"
)

// sheetCell is one cell of a spreadsheet: its text as shown and, for a
// numeric cell, its value.
type sheetCell struct {
	text string
	num  *float64
}

// sheet is the first table of a spreadsheet file, as rows of cells.
type sheet struct {
	name string
	rows [][]sheetCell
}

// maxSheetColumns bounds the columns read per row; ODS files repeat an
// empty cell to the last column (16 384) and beyond.
const maxSheetColumns = 512

// readSheet reads the first sheet of an XLSX or ODS file, or a CSV file
// (comma or semicolon, UTF-8 or ISO-8859-1), recognised by content.
func readSheet(name string, b []byte) (*sheet, error) {
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: not a readable XLSX or ODS file (%v)", name, err)
		}
		files := map[string]*zip.File{}
		for _, f := range zr.File {
			files[f.Name] = f
		}
		switch {
		case files["xl/workbook.xml"] != nil:
			return readXLSX(name, files)
		case files["content.xml"] != nil:
			return readODS(name, files)
		}
		return nil, generalist.Errorf(generalist.EINVALID, "%s: a zip file that is neither XLSX nor ODS", name)
	}
	if bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0")) {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: an old binary Excel file (.xls); save it as .xlsx, .ods or .csv", name)
	}
	return readCSVSheet(name, b)
}

func readZipFile(name string, f *zip.File) ([]byte, error) {
	if f == nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: a part of the file is missing", name)
	}
	if f.UncompressedSize64 > 256<<20 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %s is too large", name, f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %s: %v", name, f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 256<<20))
	if err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %s: %v", name, f.Name, err)
	}
	return b, nil
}

// richText is a string of a worksheet: plain text, or runs of rich text.
type richText struct {
	T string `xml:"t"`
	R []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (rt richText) text() string {
	s := rt.T
	for _, r := range rt.R {
		s += r.T
	}
	return s
}

// readXLSX reads the first worksheet of the workbook, with shared and
// inline strings; formulas give their stored values.
func readXLSX(name string, files map[string]*zip.File) (*sheet, error) {
	wb, err := readZipFile(name, files["xl/workbook.xml"])
	if err != nil {
		return nil, err
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &book); err != nil || len(book.Sheets) == 0 {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: the workbook lists no sheet", name)
	}
	target := "xl/worksheets/sheet1.xml"
	if rels, err := readZipFile(name, files["xl/_rels/workbook.xml.rels"]); err == nil {
		var rs struct {
			Rel []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(rels, &rs) == nil {
			for _, r := range rs.Rel {
				if r.ID == book.Sheets[0].RID {
					if strings.HasPrefix(r.Target, "/") {
						target = strings.TrimPrefix(r.Target, "/")
					} else {
						target = path.Join("xl", r.Target)
					}
				}
			}
		}
	}
	var shared []string
	if f := files["xl/sharedStrings.xml"]; f != nil {
		b, err := readZipFile(name, f)
		if err != nil {
			return nil, err
		}
		var sst struct {
			SI []richText `xml:"si"`
		}
		if err := xml.Unmarshal(b, &sst); err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: shared strings: %v", name, err)
		}
		for _, si := range sst.SI {
			shared = append(shared, si.text())
		}
	}
	b, err := readZipFile(name, files[target])
	if err != nil {
		return nil, err
	}
	var ws struct {
		Rows []struct {
			R     int `xml:"r,attr"`
			Cells []struct {
				R  string   `xml:"r,attr"`
				T  string   `xml:"t,attr"`
				V  string   `xml:"v"`
				IS richText `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(b, &ws); err != nil {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: worksheet %s: %v", name, target, err)
	}
	sh := &sheet{name: name}
	for _, row := range ws.Rows {
		r := row.R
		if r == 0 {
			r = len(sh.rows) + 1
		}
		if r > 1_000_000 {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: row %d is beyond any table", name, r)
		}
		for len(sh.rows) < r {
			sh.rows = append(sh.rows, nil)
		}
		var cells []sheetCell
		for i, c := range row.Cells {
			col := i
			if c.R != "" {
				col = columnIndex(c.R)
				if col < 0 {
					return nil, generalist.Errorf(generalist.EINVALID, "%s: cell reference %q", name, c.R)
				}
			}
			if col >= maxSheetColumns {
				continue
			}
			var cell sheetCell
			switch c.T {
			case "s":
				k, err := strconv.Atoi(strings.TrimSpace(c.V))
				if err != nil || k < 0 || k >= len(shared) {
					return nil, generalist.Errorf(generalist.EINVALID, "%s: cell %s refers to shared string %q, which does not exist", name, c.R, c.V)
				}
				cell.text = shared[k]
			case "inlineStr":
				cell.text = c.IS.text()
			case "str", "e":
				cell.text = c.V
			case "b":
				cell.text = c.V
			default: // "n" or absent: a number
				cell.text = strings.TrimSpace(c.V)
				if cell.text != "" {
					v, err := strconv.ParseFloat(cell.text, 64)
					if err != nil {
						return nil, generalist.Errorf(generalist.EINVALID, "%s: cell %s: %q is not a number", name, c.R, c.V)
					}
					cell.num = &v
				}
			}
			for len(cells) <= col {
				cells = append(cells, sheetCell{})
			}
			cells[col] = cell
		}
		sh.rows[r-1] = cells
	}
	return sh, nil
}

// columnIndex returns the zero-based column of a cell reference ("K7" → 10).
func columnIndex(ref string) int {
	col := 0
	n := 0
	for _, r := range ref {
		if r >= 'A' && r <= 'Z' {
			col = col*26 + int(r-'A'+1)
			n++
		} else {
			break
		}
	}
	if n == 0 || n > 3 {
		return -1
	}
	return col - 1
}

// columnName is the inverse of columnIndex.
func columnName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// readODS reads the first table of an OpenDocument spreadsheet.
func readODS(name string, files map[string]*zip.File) (*sheet, error) {
	b, err := readZipFile(name, files["content.xml"])
	if err != nil {
		return nil, err
	}
	const (
		nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
		nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
		nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	)
	dec := xml.NewDecoder(bytes.NewReader(b))
	sh := &sheet{name: name}
	var (
		inTable, done bool
		depth         int // table nesting, to stop at the first table's end
		row           []sheetCell
		rowRepeat     int
		cell          *sheetCell
		cellRepeat    int
		text          strings.Builder
		paragraphs    int
	)
	attr := func(e xml.StartElement, space, local string) string {
		for _, a := range e.Attr {
			if a.Name.Space == space && a.Name.Local == local {
				return a.Value
			}
		}
		return ""
	}
	repeat := func(s string) int {
		if s == "" {
			return 1
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return 1
		}
		return n
	}
	for !done {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, generalist.Errorf(generalist.EINVALID, "%s: content.xml: %v", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == nsTable && t.Name.Local == "table":
				if inTable {
					depth++
				}
				inTable = true
			case !inTable:
			case t.Name.Space == nsTable && t.Name.Local == "table-row":
				row = nil
				rowRepeat = repeat(attr(t, nsTable, "number-rows-repeated"))
			case t.Name.Space == nsTable && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
				cell = &sheetCell{}
				cellRepeat = repeat(attr(t, nsTable, "number-columns-repeated"))
				text.Reset()
				paragraphs = 0
				switch attr(t, nsOffice, "value-type") {
				case "float", "percentage", "currency":
					v, err := strconv.ParseFloat(attr(t, nsOffice, "value"), 64)
					if err != nil {
						return nil, generalist.Errorf(generalist.EINVALID, "%s: row %d: %q is not a number", name, len(sh.rows)+1, attr(t, nsOffice, "value"))
					}
					cell.num = &v
				}
			case t.Name.Space == nsText && t.Name.Local == "p":
				if paragraphs > 0 {
					text.WriteByte(' ')
				}
				paragraphs++
			case t.Name.Space == nsText && t.Name.Local == "s":
				text.WriteByte(' ')
			}
		case xml.CharData:
			if cell != nil {
				text.Write(t)
			}
		case xml.EndElement:
			switch {
			case !inTable:
			case t.Name.Space == nsTable && t.Name.Local == "table":
				if depth == 0 {
					done = true
				} else {
					depth--
				}
			case t.Name.Space == nsTable && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
				cell.text = strings.TrimSpace(text.String())
				for i := 0; i < cellRepeat && len(row) < maxSheetColumns; i++ {
					row = append(row, *cell)
				}
				cell = nil
			case t.Name.Space == nsTable && t.Name.Local == "table-row":
				// Trailing empty cells carry no data.
				for len(row) > 0 && row[len(row)-1].text == "" && row[len(row)-1].num == nil {
					row = row[:len(row)-1]
				}
				if len(row) == 0 && rowRepeat > 1000 {
					rowRepeat = 1 // blank filler rows to the sheet's end
				}
				for i := 0; i < rowRepeat && len(sh.rows) < 1_000_000; i++ {
					sh.rows = append(sh.rows, row)
				}
			}
		}
	}
	if !inTable {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: the spreadsheet has no table", name)
	}
	return sh, nil
}

// readCSVSheet reads a CSV file with comma or semicolon separators, in
// UTF-8 or (as SSB and Excel often write) ISO-8859-1.
func readCSVSheet(name string, b []byte) (*sheet, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		var buf bytes.Buffer
		for _, c := range b {
			buf.WriteRune(rune(c)) // ISO-8859-1 maps byte to rune
		}
		b = buf.Bytes()
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(b))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	sh := &sheet{name: name}
	err := eachRecord(name, r, func(rec []string, _ int) {
		row := make([]sheetCell, len(rec))
		for i, s := range rec {
			row[i] = sheetCell{text: strings.TrimSpace(s)}
		}
		sh.rows = append(sh.rows, row)
	})
	if err != nil {
		return nil, err
	}
	return sh, nil
}

// labelFold spells the letters headers may have in ASCII.
var labelFold = map[rune]string{'æ': "ae", 'ø': "o", 'ö': "o", 'å': "a", 'ä': "a", 'à': "a", 'á': "a", 'é': "e", 'è': "e"}

// label normalises a header for matching: lower case, æøå folded to
// ASCII, everything else but letters and digits to single spaces.
func label(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if f, ok := labelFold[r]; ok {
			b.WriteString(f)
			space = false
			continue
		}
		if unicode.IsLetter(r) && r < 128 || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// where names a cell for messages: "file row 12, column K".
func (s *sheet) where(row, col int) string {
	if col < 0 {
		return fmt.Sprintf("%s row %d", s.name, row+1)
	}
	return fmt.Sprintf("%s row %d, column %s", s.name, row+1, columnName(col))
}

func (s *sheet) cell(row, col int) sheetCell {
	if row < len(s.rows) && col < len(s.rows[row]) {
		return s.rows[row][col]
	}
	return sheetCell{}
}

// number returns a cell's numeric value: the stored number, or the text
// parsed with a decimal comma or dot and spaces as thousands separators.
// An empty cell or a dash is nil; one of SSB's signs for a missing value
// ("..", ":", …) is an error.
func (s *sheet) number(row, col int) (*float64, error) {
	c := s.cell(row, col)
	if c.num != nil {
		return c.num, nil
	}
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, c.text)
	if t == "" || t == "-" || t == "–" {
		return nil, nil
	}
	if generalist.IsMissingMarker(t) {
		// The ministry's tables have a figure for every municipality; a
		// sign for no value must not become 0 (decision 0011).
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %q is a sign for a missing value, but this table needs a number for every municipality; give the figure, or remove the municipality's row",
			s.where(row, col), c.text)
	}
	t = strings.Replace(t, "−", "-", 1)
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || strings.ContainsAny(t, "eEnNiI") {
		return nil, generalist.Errorf(generalist.EINVALID, "%s: %q is not a number", s.where(row, col), c.text)
	}
	return &v, nil
}
