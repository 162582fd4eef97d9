// Package docs embeds the analysts' documentation, so that `kg serve` can
// serve the Neo4j Browser guide (browser-guide.md) without the source
// tree.
package docs

import _ "embed"

// BrowserGuide is docs/browser-guide.md.
//
//go:embed browser-guide.md
var BrowserGuide string
