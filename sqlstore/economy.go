package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"unicode/utf8"

	"generalist"
)

// ImportEconomyFiles implements generalist.EconomyStore: every file or
// none, in one write transaction.
func (db *DB) ImportEconomyFiles(ctx context.Context, files []generalist.EconomyFile, replace bool, check func(all []generalist.EconomyFile) error) error {
	if len(files) == 0 {
		return generalist.Errorf(generalist.EINVALID, "no economy file to import")
	}
	seen := map[string]bool{}
	for _, f := range files {
		switch {
		case f.Name == "":
			return generalist.Errorf(generalist.EINVALID, "an economy file has no name")
		case seen[f.Name]:
			return generalist.Errorf(generalist.EINVALID, "economy file %s is given twice", f.Name)
		case !utf8.ValidString(f.Data):
			return generalist.Errorf(generalist.EINVALID, "economy file %s is not UTF-8 text", f.Name)
		}
		seen[f.Name] = true
	}
	now := db.now()
	err := db.write(ctx, func(tx *tx) error {
		for _, f := range files {
			var n int
			if err := tx.queryRow(ctx, `SELECT count(*) FROM economy_files WHERE name = ?`, f.Name).Scan(&n); err != nil {
				return err
			}
			if n > 0 && !replace {
				return generalist.Errorf(generalist.ECONFLICT, "the economy table %s has been imported already; import it again with replace to replace it", f.Name)
			}
			if _, err := tx.exec(ctx, `DELETE FROM economy_files WHERE name = ?`, f.Name); err != nil {
				return err
			}
			sum := sha256.Sum256([]byte(f.Data))
			if _, err := tx.exec(ctx, `INSERT INTO economy_files (name, table_name, year, data, sha256, author, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				f.Name, f.Table, f.Year, f.Data, hex.EncodeToString(sum[:]), f.Author, db.time(now)); err != nil {
				return err
			}
		}
		if check == nil {
			return nil
		}
		all, err := queryAll(ctx, tx, `SELECT name, table_name, year, data, sha256, author, imported_at FROM economy_files ORDER BY name`, scanEconomyFile)
		if err != nil {
			return err
		}
		return check(all)
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("import economy files: %w", err)
	} else if err != nil {
		return err
	}
	for i := range files {
		sum := sha256.Sum256([]byte(files[i].Data))
		files[i].SHA256, files[i].ImportedAt = hex.EncodeToString(sum[:]), now
	}
	return nil
}

// EconomyFiles implements generalist.EconomyStore.
func (db *DB) EconomyFiles(ctx context.Context, data bool) ([]generalist.EconomyFile, error) {
	col := `''`
	if data {
		col = `data`
	}
	return query(ctx, db, `SELECT name, table_name, year, `+col+`, sha256, author, imported_at FROM economy_files ORDER BY name`, scanEconomyFile)
}

func scanEconomyFile(r *sql.Rows) (generalist.EconomyFile, error) {
	var f generalist.EconomyFile
	err := r.Scan(&f.Name, &f.Table, &f.Year, &f.Data, &f.SHA256, &f.Author, timeCol{&f.ImportedAt})
	return f, err
}

// DeleteEconomyFiles implements generalist.EconomyStore.
func (db *DB) DeleteEconomyFiles(ctx context.Context, names []string) error {
	if len(names) == 0 {
		return generalist.Errorf(generalist.EINVALID, "name the economy tables to remove")
	}
	err := db.write(ctx, func(tx *tx) error {
		for _, name := range names {
			missing := generalist.Errorf(generalist.ENOTFOUND, "no imported economy table %s", name)
			if err := tx.deleteExisting(ctx, missing, `DELETE FROM economy_files WHERE name = ?`, name); err != nil {
				return err
			}
		}
		return nil
	})
	if generalist.ErrorCode(err) == generalist.EINTERNAL {
		return db.errorf("delete economy files: %w", err)
	}
	return err
}
