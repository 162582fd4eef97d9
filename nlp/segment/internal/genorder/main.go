// Command genorder writes the order in which package segment adds the
// lines of gse's simplified dictionary to gse's trie (see package zhs):
// data/zhs.order, for the gse version in go.mod. Run it after upgrading gse:
//
//	go generate ./nlp/segment
//
// It reads only the dictionary text compiled into gse; nothing is
// downloaded.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	_ "unsafe" // go:linkname

	"github.com/go-ego/gse"

	"github.com/kg-cn/kg/nlp/segment/internal/zhs"
)

//go:linkname gseZhS github.com/go-ego/gse.zhS
var gseZhS string

func main() {
	out := flag.String("out", "data/zhs.order", "file to write")
	flag.Parse()
	if gseZhS == "" {
		log.Fatal("genorder: gse was built without its embedded dictionary")
	}
	var seg gse.Segmenter
	seg.Dict = gse.NewDict()
	seg.Init()
	lines := zhs.Lines(gseZhS)
	order := zhs.Order(&seg, lines)
	if err := os.WriteFile(*out, zhs.Encode(gseZhS, len(lines), order), 0o644); err != nil {
		log.Fatal("genorder: ", err)
	}
	fmt.Printf("genorder: %d of %d lines, checksum %08x → %s\n", len(order), len(lines), zhs.Checksum(gseZhS), *out)
}
