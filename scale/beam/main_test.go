package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
)

// TestDealKeepsTheInputOrder: the files are dealt to groups of consecutive
// files, glob by glob and path by path, so that the parts in name order
// hold the files in the order kg ingest reads them.
func TestDealKeepsTheInputOrder(t *testing.T) {
	tests := []struct {
		name   string
		globs  [][]string // matches of each glob, in the runner's order (any)
		groups int
		want   []string // "group: paths"
	}{
		{"one glob, even groups", [][]string{{"d/c", "d/a", "d/b", "d/d"}}, 2, []string{"0: d/a d/b", "1: d/c d/d"}},
		{"globs stay in their order, whatever the paths", [][]string{{"z/2", "z/1"}, {"a/1"}}, 3, []string{"0: z/1", "1: z/2", "2: a/1"}},
		{"fewer files than groups: no empty part", [][]string{{"a", "b"}}, 5, []string{"0: a", "1: b"}},
		{"uneven: the last group is the smaller", [][]string{{"a", "b", "c", "d", "e"}}, 2, []string{"0: a b c", "1: d e"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tagged []string
			for i, g := range tc.globs {
				for _, p := range g {
					(&tagFn{Input: i}).ProcessElement(fileio.FileMetadata{Path: p}, func(_ int, s string) { tagged = append(tagged, s) })
				}
			}
			// The runner may hand the list over in any order.
			for i, j := 0, len(tagged)-1; i < j; i, j = i+1, j-1 {
				tagged[i], tagged[j] = tagged[j], tagged[i]
			}
			k := 0
			iter := func(s *string) bool {
				if k == len(tagged) {
					return false
				}
				*s, k = tagged[k], k+1
				return true
			}
			groups := map[int][]string{}
			(&dealFn{Groups: tc.groups}).ProcessElement(0, iter, func(g int, s string) {
				groups[g] = append(groups[g], s[strings.IndexByte(s, 0)+1:])
			})
			var got []string
			for g := 0; g < tc.groups; g++ {
				if len(groups[g]) > 0 {
					got = append(got, fmt.Sprintf("%d: %s", g, strings.Join(groups[g], " ")))
				}
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
