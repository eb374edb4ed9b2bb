package generalist

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// InputAttachment is a PDF sent with an input. Name is sanitised
// (SanitizeFileName) and only ever shown, never used as a path.
type InputAttachment struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// Data is the file; set when storing and by InputStore.Attachment.
	Data []byte `json:"-"`
}

// NewInputAttachment checks that b is a PDF (CheckPDF) and returns the
// attachment with a sanitised name, the size and the checksum.
func NewInputAttachment(name string, b []byte) (*InputAttachment, error) {
	if err := CheckPDF(b); err != nil {
		return nil, err
	}
	return &InputAttachment{Name: SanitizeFileName(name), Size: int64(len(b)), SHA256: sha256Hex(b), Data: b}, nil
}

// SanitizeFileName returns a name that is safe to show and to put in a
// Content-Disposition header: the last path element, with only letters,
// digits, '.', '-' and '_' (others become '_'), at most 100 bytes, ending
// in ".pdf". It is never used as a path.
func SanitizeFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 128 && (isASCIILetter(byte(r)) || r >= '0' && r <= '9' || r == '-' || r == '_'):
			b.WriteRune(r)
		case r == '.':
			b.WriteByte('.')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := strings.Trim(b.String(), "._")
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	if lower := strings.ToLower(s); strings.HasSuffix(lower, ".pdf") {
		s = strings.TrimRight(s[:len(s)-4], "._")
	}
	for len(s) > 96 {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
	}
	if s == "" {
		s = "vedlegg"
	}
	return s + ".pdf"
}

// pdfForbidden lists PDF names that make a document act rather than be
// read: scripts, launching programs, embedded files and forms that run.
var pdfForbidden = []string{"JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA", "SubmitForm", "ImportData", "GoToE"}

// CheckPDF reports, as an EINVALID error naming the attachment, whether b
// is not an acceptable PDF: it must start with "%PDF-1." or "%PDF-2.",
// have "%%EOF" in its last 1 KiB, be at most 5 MiB, and name no active
// content (JavaScript, Launch actions, embedded files …, also when the
// name is written with #xx escapes). Active content inside compressed
// object streams is not seen; the file is therefore only ever served as a
// download with a sandboxing Content-Security-Policy.
func CheckPDF(b []byte) error {
	switch {
	case len(b) == 0:
		return Errorw(EINVALID, "err.input.pdf.empty", "attachment: the file is empty")
	case len(b) > InputAttachmentMax:
		return Errorw(EINVALID, "err.input.pdf.size", "attachment: %d bytes is more than the limit of %d bytes (5 MiB)", len(b), InputAttachmentMax)
	case len(b) < 16 || !(string(b[:7]) == "%PDF-1." || string(b[:7]) == "%PDF-2.") || b[7] < '0' || b[7] > '9':
		return Errorw(EINVALID, "err.input.pdf.notpdf", "attachment: not a PDF file (it must start with %%PDF-); only PDF attachments are accepted")
	}
	tail := b[max(0, len(b)-1024):]
	if !strings.Contains(string(tail), "%%EOF") {
		return Errorw(EINVALID, "err.input.pdf.incomplete", "attachment: the PDF file is incomplete (no %%%%EOF at the end)")
	}
	if name := pdfActiveName(b); name != "" {
		return Errorw(EINVALID, "err.input.pdf.active", "attachment: the PDF contains active content (/%s); send a PDF without scripts, actions or embedded files", name)
	}
	return nil
}

// pdfActiveName returns the first forbidden name object in b, decoded, or "".
func pdfActiveName(b []byte) string {
	for i := 0; i < len(b); i++ {
		if b[i] != '/' {
			continue
		}
		var name []byte
		j := i + 1
		for ; j < len(b) && len(name) < 64; j++ {
			c := b[j]
			if c <= ' ' || strings.IndexByte("/()<>[]{}%", c) >= 0 {
				break
			}
			if c == '#' && j+2 < len(b) {
				if v, err := hex.DecodeString(string(b[j+1 : j+3])); err == nil {
					name = append(name, v[0])
					j += 2
					continue
				}
			}
			name = append(name, c)
		}
		if slices.Contains(pdfForbidden, string(name)) {
			return string(name)
		}
		i = j - 1
	}
	return ""
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
