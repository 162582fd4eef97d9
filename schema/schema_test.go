package schema

import (
	"strings"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

func TestEveryExtractionTypeIsInTheModel(t *testing.T) {
	for _, typ := range []string{doc.TypePerson, doc.TypePost, doc.TypeOrganization, doc.TypePlace, doc.TypeEvent} {
		if !IsEntity(Label(typ)) {
			t.Errorf("entity type %s of nlp/doc has no entity label in schema", typ)
		}
	}
	for _, rel := range []string{doc.RelHolds, doc.RelChaired, doc.RelSpokeAt, doc.RelAttended, doc.RelCommended,
		doc.RelConvened, doc.RelHeldIn, doc.RelPartOf, doc.RelPostOf} {
		r, ok := Relationship(RelType(rel))
		if !ok || !r.Fact {
			t.Errorf("relation type %s of nlp/doc is not a fact type in schema", rel)
		}
	}
}

func TestAllowedEndpoints(t *testing.T) {
	tests := []struct {
		name     string
		typ      RelType
		from, to Label
		want     bool
	}{
		{"person holds post", Holds, Person, Post, true},
		{"person cannot hold an organisation", Holds, Person, Organization, false},
		{"post cannot hold a person (reversed)", Holds, Post, Person, false},
		{"person chaired event", Chaired, Person, Event, true},
		{"person spoke at event", SpokeAt, Person, Event, true},
		{"person attended event", Attended, Person, Event, true},
		{"organisation cannot attend", Attended, Organization, Event, false},
		{"event commended person", Commended, Event, Person, true},
		{"event commended organisation", Commended, Event, Organization, true},
		{"event cannot commend a place", Commended, Event, Place, false},
		{"organisation convened event", Convened, Organization, Event, true},
		{"event held in place", HeldIn, Event, Place, true},
		{"place part of place", PartOf, Place, Place, true},
		{"organisation part of organisation", PartOf, Organization, Organization, true},
		{"place cannot be part of an organisation", PartOf, Place, Organization, false},
		{"post of organisation", PostOf, Post, Organization, true},
		{"report mentions person", Mentions, Report, Person, true},
		{"report has evidence", HasEvidence, Report, Evidence, true},
		{"unknown type", RelType("LIKES"), Person, Person, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Allowed(tt.typ, tt.from, tt.to); got != tt.want {
				t.Errorf("Allowed(%s, %s, %s) = %v, want %v", tt.typ, tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestMigrationsAreOrderedNamedAndIdempotent(t *testing.T) {
	names := map[string]bool{}
	for i, m := range Migrations {
		if m.Version != i+1 {
			t.Errorf("migration %d has version %d; versions must run 1, 2, 3, … in order", i, m.Version)
		}
		if m.Name == "" {
			t.Errorf("migration V%d has no name", m.Version)
		}
		if len(m.Objects) == 0 && len(m.Data) == 0 && len(m.Steps) == 0 {
			t.Errorf("migration V%d does nothing", m.Version)
		}
		for _, o := range m.Objects {
			if s := o.Statement(); !strings.Contains(s, " IF NOT EXISTS ") {
				t.Errorf("V%d statement is not idempotent: %s", m.Version, s)
			}
		}
		// A data step runs until it changes nothing: it must select only
		// what it has not changed yet, a bounded batch at a time, and say
		// how much it changed.
		for _, s := range m.Data {
			if !strings.Contains(s, " LIMIT ") || !strings.Contains(s, " WHERE ") || !strings.Contains(s, "RETURN count(") {
				t.Errorf("V%d data step is not a bounded, self-limiting batch: %s", m.Version, s)
			}
		}
		for _, o := range m.Objects {
			if names[o.Name] {
				t.Errorf("object name %s used twice (constraint and index names share one namespace)", o.Name)
			}
			names[o.Name] = true
		}
	}
}

func TestEveryKeyHasAUniquenessConstraint(t *testing.T) {
	has := map[string]bool{}
	for _, o := range Expected() {
		if o.Kind == ConstraintObject {
			has[o.LabelsOrTypes[0]+"."+o.Properties[0]] = true
		}
	}
	for _, n := range Nodes {
		if !has[string(n.Label)+"."+n.Key] {
			t.Errorf("(:%s).%s is a key but has no uniqueness constraint", n.Label, n.Key)
		}
	}
	for _, typ := range FactTypes() {
		if !has[string(typ)+"."+FactKey] {
			t.Errorf("[:%s].%s is a key but has no uniqueness constraint", typ, FactKey)
		}
	}
}

func TestStatements(t *testing.T) {
	tests := []struct {
		name string
		obj  Object
		want string
	}{
		{"node uniqueness", nodeUnique("person_key", Person, "key"),
			"CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE"},
		{"relationship uniqueness", relUnique("holds_fact", Holds, "fact"),
			"CREATE CONSTRAINT holds_fact IF NOT EXISTS FOR ()-[r:HOLDS]-() REQUIRE r.fact IS UNIQUE"},
		{"range index", nodeIndex("event_date", Event, "date"),
			"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)"},
		{"odd names are backticked", nodeIndex("odd name", Label("A`b"), "x y"),
			"CREATE INDEX `odd name` IF NOT EXISTS FOR (n:`A``b`) ON (n.`x y`)"},
		{"full-text index with analyzer", Object{Kind: IndexObject, Name: "s", Type: TypeFulltext, Entity: EntityNode,
			LabelsOrTypes: []string{"Person", "Post"}, Properties: []string{"name"}, Analyzer: "cjk"},
			"CREATE FULLTEXT INDEX s IF NOT EXISTS FOR (n:Person|Post) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.obj.Statement(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// liveFromModel returns a database that has exactly what the migrations make.
func liveFromModel() Live {
	var live Live
	for _, o := range Expected() {
		if o.Kind == ConstraintObject {
			live.Constraints = append(live.Constraints, LiveObject{Object: o})
			// A uniqueness constraint is backed by an index of the same name.
			live.Indexes = append(live.Indexes, LiveObject{Object: Object{Kind: IndexObject, Name: o.Name,
				Type: TypeRange, Entity: o.Entity, LabelsOrTypes: o.LabelsOrTypes, Properties: o.Properties}, State: "ONLINE"})
			continue
		}
		live.Indexes = append(live.Indexes, LiveObject{Object: o, State: "ONLINE"})
	}
	for _, m := range Migrations {
		live.Migrations = append(live.Migrations, Applied{Version: m.Version, Name: m.Name, Checksum: m.Checksum()})
	}
	return live
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Live)
		want   []string // substrings, one per expected problem
	}{
		{"up to date", func(*Live) {}, nil},
		{"missing constraint", func(l *Live) { l.Constraints = removeNamed(l.Constraints, "person_key") }, []string{"constraint person_key", "missing"}},
		{"missing index", func(l *Live) { l.Indexes = removeNamed(l.Indexes, "event_date") }, []string{"index event_date", "missing"}},
		{"index still populating", func(l *Live) { setState(l.Indexes, "entity_name_search", "POPULATING") }, []string{"entity_name_search", "not online (POPULATING)"}},
		{"same name, other definition", func(l *Live) {
			for i := range l.Constraints {
				if l.Constraints[i].Name == "post_key" {
					l.Constraints[i].Properties = []string{"name"}
				}
			}
		}, []string{"post_key", "another definition"}},
		{"equivalent constraint under another name counts", func(l *Live) {
			for i := range l.Constraints {
				if l.Constraints[i].Name == "report_id" {
					l.Constraints[i].Name = "constraint_1234"
				}
			}
		}, nil},
		{"migration not recorded", func(l *Live) { l.Migrations = l.Migrations[:len(l.Migrations)-1] }, []string{"not applied"}},
		{"migration changed since applied", func(l *Live) { l.Migrations[0].Checksum = "0123456789abcdef" }, []string{"V1", "checksum 0123456789ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			live := liveFromModel()
			tt.mutate(&live)
			probs := Check(live)
			if len(tt.want) == 0 {
				if len(probs) != 0 {
					t.Fatalf("want no problems, got %v", probs)
				}
				return
			}
			if len(probs) != 1 {
				t.Fatalf("want one problem, got %v", probs)
			}
			for _, w := range tt.want {
				if !strings.Contains(probs[0].String(), w) {
					t.Errorf("problem %q does not mention %q", probs[0], w)
				}
			}
		})
	}
}

func TestChecksumIsStableAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range Migrations {
		c := m.Checksum()
		if c != m.Checksum() || len(c) != 64 {
			t.Errorf("V%d checksum %q is not a stable sha256", m.Version, c)
		}
		if seen[c] {
			t.Errorf("V%d shares a checksum with another migration", m.Version)
		}
		seen[c] = true
	}
}

func TestDescribeListsEveryLabelAndType(t *testing.T) {
	out := Describe()
	for _, n := range Nodes {
		if !strings.Contains(out, "(:"+string(n.Label)+")") {
			t.Errorf("Describe does not list label %s", n.Label)
		}
	}
	for _, r := range Relationships {
		if !strings.Contains(out, "[:"+string(r.Type)+"]") {
			t.Errorf("Describe does not list relationship %s", r.Type)
		}
	}
}

func removeNamed(objs []LiveObject, name string) []LiveObject {
	var out []LiveObject
	for _, o := range objs {
		if o.Name != name {
			out = append(out, o)
		}
	}
	return out
}

func setState(objs []LiveObject, name, state string) {
	for i := range objs {
		if objs[i].Name == name {
			objs[i].State = state
		}
	}
}
