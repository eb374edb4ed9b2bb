// Package static holds the web server's embedded static files that come
// from elsewhere: Designsystemet's CSS (Digdir, MIT), vendored under
// vendor/designsystemet by scripts/vendor-designsystemet from the npm
// versions pinned in tools/designsystemet. Serving them needs no Node.
//
// vendor/designsystemet/VERSION.json names each package, its version and
// the SHA-256 of every vendored file; the package test fails when the copy
// and the pins disagree. See docs/decisions/0002-designsystemet-vendoring.md.
package static

import "embed"

// FS holds the vendor directory: vendor/designsystemet/designsystemet-css/
// index.css (every component), vendor/designsystemet/designsystemet-theme/
// digdir.css (the Digdir theme), their LICENSE files and VERSION.json.
//
//go:embed vendor
var FS embed.FS
