package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/kg-cn/kg/schema"
)

// Identity rules: how the key of each node is made. IDENTITY.md explains
// them and their limits.

// keySep joins the parts of a key.
const keySep = "|"

// maxKeyBytes keeps keys well under what a Neo4j range index can hold.
const maxKeyBytes = 4000

// maxReportIDBytes is the longest report id that is its Report's key as it
// is. Neo4j's range indexes hold at most 8,167 bytes a value (and the
// Evidence keys add 17 to the id); a longer id is keyed by its digest
// (reportKey) and kept whole in the Report's full_id. Every id an earlier
// kg could store (up to ~8,150 bytes) keeps its key.
const maxReportIDBytes = 8000

// maxContextIDBytes is the longest report id that a "report:" context (the
// key part of entities only one report can place) spells out; a longer one
// gives its digest there, so that the entity's key stays short. Such
// entities belong to their report alone and are rewritten with it, so the
// rule changes no key that another report shares.
const maxContextIDBytes = 1000

// digestPrefixBytes is how much of a long id its digest key keeps, for
// people to recognise it.
const digestPrefixBytes = 96

// reportKey is the key of a report: its id, or, when the id is longer than
// maxReportIDBytes, the id's first bytes, "…sha256:" and the sha256 of the
// whole id (hex).
func reportKey(id string) string {
	if len(id) <= maxReportIDBytes {
		return id
	}
	return digestKey(id)
}

// digestKey stands for a string too long to be a key: its first
// digestPrefixBytes (whole characters), "…sha256:" and its sha256, hex.
func digestKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	prefix := s
	if len(prefix) > digestPrefixBytes {
		prefix = prefix[:digestPrefixBytes]
		for len(prefix) > 0 && !utf8.RuneStart(s[len(prefix)]) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	return strings.ToValidUTF8(prefix, "\uFFFD") + "…sha256:" + hex.EncodeToString(sum[:])
}

// reportContext is the context of something that can only be placed by the
// report that names it (the report's key, its digest when long).
func reportContext(reportKey string) string {
	if len(reportKey) > maxContextIDBytes {
		reportKey = digestKey(reportKey)
	}
	return "report:" + reportKey
}

// personKey: name + "|" + context.
func personKey(name, context string) string { return name + keySep + context }

// personContext picks a person's context: the report's jurisdiction, else
// the first (in sorted order) organisation of the posts the report says the
// person holds, else the report itself.
func personContext(jurisdiction string, postOrgs []string, reportID string) string {
	if jurisdiction != "" {
		return jurisdiction
	}
	best := ""
	for _, o := range postOrgs {
		if o != "" && (best == "" || o < best) {
			best = o
		}
	}
	if best != "" {
		return best
	}
	return reportContext(reportID)
}

// postKey: the office a post's name names (office.go):
// office:<gazetteer code, else place>|<organ>|<title>.
func postKey(o Office) string { return o.Key() }

// organizationKey: the name.
func organizationKey(name string) string { return name }

// placeKey: the name, plus the enclosing place's name where known.
func placeKey(name, parent string) string {
	if parent == "" {
		return name
	}
	return name + keySep + parent
}

// eventContext: the report's jurisdiction, else the event's place, else the
// report; an undated event is always the report's own.
func eventContext(date, jurisdiction, place, reportID string) string {
	switch {
	case date == "":
		return reportContext(reportID)
	case jurisdiction != "":
		return jurisdiction
	case place != "":
		return place
	}
	return reportContext(reportID)
}

// eventKey: name + "|" + date + "|" + context.
func eventKey(name, date, context string) string {
	return name + keySep + date + keySep + context
}

// factKey names a fact: its type and its two endpoints, and for COMMENDED
// the honour (two honours from one event are two facts), for HOLDS the
// holding's qualifier (acting, executive: Office.Qualifier).
// HOLDS:Person[张三|静海区]->Post[静海区委书记]
func factKey(t schema.RelType, from schema.Label, fromKey string, to schema.Label, toKey, honour string) string {
	k := fmt.Sprintf("%s:%s[%s]->%s[%s]", t, from, fromKey, to, toKey)
	if honour != "" {
		k += "#" + honour
	}
	return k
}

// attributeKey names what a report says of a person: ATTRIBUTE:Person[key]#kind=value
// (the "fact" of its Evidence; there is no relationship of that key).
func attributeKey(personKey, kind, value string) string {
	return fmt.Sprintf("%s:%s[%s]#%s=%s", schema.AttributeEvidence, schema.Person, personKey, kind, value)
}

// evidenceKey names one piece of evidence: the report, and a digest of the
// fact and the span.
func evidenceKey(reportID, fact string, start, end int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d", fact, start, end)))
	return reportID + keySep + hex.EncodeToString(sum[:8])
}

// cleanName trims a name; names are otherwise taken as the pipeline
// canonicalised them.
func cleanName(s string) string { return strings.TrimSpace(s) }
