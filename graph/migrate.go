package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/kg-cn/kg/schema"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ErrSchemaDrift: a migration recorded in the database differs from the one
// in schema.Migrations (it was edited after it had been applied).
var ErrSchemaDrift = errors.New("schema migration changed after it was applied")

// MigrationResult tells what ApplySchema did with one migration.
type MigrationResult struct {
	Version int    `json:"version"`
	Name    string `json:"name"`
	Applied bool   `json:"applied"` // false: it had been applied before
}

const (
	qAppliedMigrations = `MATCH (m:__KgMigration)
RETURN m.version AS version, m.name AS name, m.checksum AS checksum
ORDER BY version`

	qRecordMigration = `MERGE (m:__KgMigration {version: $version})
ON CREATE SET m.name = $name, m.checksum = $checksum, m.applied_at = datetime()`
)

// ApplySchema applies the migrations of package schema that the database
// has not recorded yet, in order, recording each in a (:__KgMigration) node,
// then waits for the indexes to come online. Every statement is idempotent,
// so running it again, or at the same time from two processes, is safe.
func (c *Client) ApplySchema(ctx context.Context) ([]MigrationResult, error) {
	applied, err := c.appliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	var out []MigrationResult
	for _, m := range schema.Migrations {
		res := MigrationResult{Version: m.Version, Name: m.Name}
		if a, ok := applied[m.Version]; ok {
			if a.Checksum != m.Checksum() {
				return out, fmt.Errorf("%w: V%d %s was applied with checksum %.12s, this kg has %.12s (add a new migration instead of editing one)",
					ErrSchemaDrift, m.Version, m.Name, a.Checksum, m.Checksum())
			}
			out = append(out, res)
			continue
		}
		for _, o := range m.Objects {
			stmt := o.Statement()
			_, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				_, err := collect(ctx, tx, stmt, nil, nil)
				return nil, err
			})
			if err != nil && !alreadyExists(err) {
				return out, fmt.Errorf("migration V%d %s: %w", m.Version, m.Name, err)
			}
		}
		if len(m.Data) > 0 || len(m.Steps) > 0 {
			if err := c.awaitIndexes(ctx); err != nil {
				return out, fmt.Errorf("migration V%d %s: %w", m.Version, m.Name, err)
			}
		}
		for _, stmt := range m.Data {
			if err := c.migrateData(ctx, stmt); err != nil {
				return out, fmt.Errorf("migration V%d %s: %w", m.Version, m.Name, err)
			}
		}
		for _, st := range m.Steps {
			step, ok := dataSteps[st]
			if !ok {
				return out, fmt.Errorf("migration V%d %s: this kg has no data step %q", m.Version, m.Name, st)
			}
			if err := step(c, ctx); err != nil {
				return out, fmt.Errorf("migration V%d %s: %s: %w", m.Version, m.Name, st, err)
			}
		}
		params := map[string]any{"version": int64(m.Version), "name": m.Name, "checksum": m.Checksum()}
		if _, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			_, err := collect(ctx, tx, qRecordMigration, params, nil)
			return nil, err
		}); err != nil {
			return out, fmt.Errorf("recording migration V%d %s: %w", m.Version, m.Name, err)
		}
		res.Applied = true
		out = append(out, res)
	}
	if err := c.awaitIndexes(ctx); err != nil {
		return out, err
	}
	return out, nil
}

// awaitIndexes waits until every index is online: a data step reads
// through them (after a bulk import, the indexes V1–V3 create take minutes
// to populate, and a step that scanned instead would outlast its
// transactions' time limit).
func (c *Client) awaitIndexes(ctx context.Context) error {
	if _, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := collect(ctx, tx, "CALL db.awaitIndexes(3600)", nil, nil)
		return nil, err
	}); err != nil {
		return fmt.Errorf("waiting for indexes to come online: %w", err)
	}
	return nil
}

// migrateData runs a data step of a migration (schema.Migration.Data), one
// transaction per run, until a run changes nothing.
func (c *Client) migrateData(ctx context.Context, stmt string) error {
	for {
		n, err := c.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			recs, err := collect(ctx, tx, stmt, nil, nil)
			if err != nil || len(recs) != 1 || len(recs[0].Values) != 1 {
				return int64(0), err
			}
			n, _ := recs[0].Values[0].(int64)
			return n, nil
		})
		if err != nil {
			return err
		}
		if n.(int64) == 0 {
			return nil
		}
	}
}

// alreadyExists reports an error that says another process created the same
// object between our IF NOT EXISTS check and our creation.
func alreadyExists(err error) bool {
	var nerr *neo4j.Neo4jError
	if !errors.As(err, &nerr) {
		return false
	}
	switch nerr.Code {
	case "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
		"Neo.ClientError.Schema.ConstraintAlreadyExists",
		"Neo.ClientError.Schema.IndexAlreadyExists":
		return true
	}
	return false
}

func (c *Client) appliedMigrations(ctx context.Context) (map[int]schema.Applied, error) {
	v, err := c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := collect(ctx, tx, qAppliedMigrations, nil, nil)
		if err != nil {
			return nil, err
		}
		out := map[int]schema.Applied{}
		for _, r := range recs {
			ver, _ := r.Get("version")
			n, _ := ver.(int64)
			out[int(n)] = schema.Applied{Version: int(n), Name: str(r, "name"), Checksum: str(r, "checksum")}
		}
		return out, nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading applied migrations: %w", err)
	}
	return v.(map[int]schema.Applied), nil
}

// LiveSchema reads the database's constraints, indexes and recorded
// migrations, for schema.Check.
func (c *Client) LiveSchema(ctx context.Context) (schema.Live, error) {
	var live schema.Live
	applied, err := c.appliedMigrations(ctx)
	if err != nil {
		return live, err
	}
	for _, a := range applied {
		live.Migrations = append(live.Migrations, a)
	}
	_, err = c.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		live.Constraints, live.Indexes = nil, nil
		recs, err := collect(ctx, tx, "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties", nil, nil)
		if err != nil {
			return nil, fmt.Errorf("SHOW CONSTRAINTS: %w", err)
		}
		for _, r := range recs {
			live.Constraints = append(live.Constraints, liveObject(r, schema.ConstraintObject))
		}
		recs, err = collect(ctx, tx, "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, options", nil, nil)
		if err != nil {
			return nil, fmt.Errorf("SHOW INDEXES: %w", err)
		}
		for _, r := range recs {
			live.Indexes = append(live.Indexes, liveObject(r, schema.IndexObject))
		}
		return nil, nil
	})
	return live, err
}

func liveObject(r *neo4j.Record, kind schema.ObjectKind) schema.LiveObject {
	o := schema.LiveObject{Object: schema.Object{
		Kind: kind, Name: str(r, "name"), Type: str(r, "type"), Entity: str(r, "entityType"),
		LabelsOrTypes: strs(r, "labelsOrTypes"), Properties: strs(r, "properties"),
	}}
	if kind == schema.IndexObject {
		o.State = str(r, "state")
		if opts, ok := get(r, "options").(map[string]any); ok {
			if cfg, ok := opts["indexConfig"].(map[string]any); ok {
				o.Analyzer, _ = cfg["fulltext.analyzer"].(string)
			}
		}
	}
	return o
}

func get(r *neo4j.Record, key string) any {
	v, _ := r.Get(key)
	return v
}

// strs reads a list-of-strings column.
func strs(r *neo4j.Record, key string) []string {
	l, _ := get(r, key).([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// CheckSchema compares the live schema with the model; no problems means
// the database is ready.
func (c *Client) CheckSchema(ctx context.Context) ([]schema.Problem, error) {
	live, err := c.LiveSchema(ctx)
	if err != nil {
		return nil, err
	}
	return schema.Check(live), nil
}
