package main

import (
	"context"
	"fmt"
	"slices"

	"generalist"
)

// Changing the registry: imc add, edit and delete. Every change is a new
// version with who, when and why (--author, --note).

func imcAdd(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	rf := addRecordFlags(c.fs, false)
	pos, err := c.parse(cmd, args, 0, 1, "add [FILE] --author WHO [--note WHY] [--strict] [--name N --form F --participant N:SHARE:SEATS … --start DATE …]")
	if err != nil {
		return err
	}
	if err := c.needAuthor(cmd); err != nil {
		return err
	}
	var x generalist.IMC
	if len(pos) == 1 {
		one, err := readOne(pos[0], "json", "use generalist imc import for several")
		if err != nil {
			return err
		}
		x = *one
	}
	if err := rf.apply(&x, setFlags(c.fs)); err != nil {
		return err
	}
	if err := c.vet(&x); err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	if err := db.CreateIMC(ctx, &x, c.edit()); err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc add", fmt.Sprint(x.ID), x.Name)
	if *c.json {
		return writeJSON(c.stdout, x)
	}
	return say(ctx, c.stdout, "ok.imc.registered", x.Name, x.ID)
}

func imcEdit(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	rf := addRecordFlags(c.fs, true)
	file := c.fs.String("file", "", "replace the whole record with the cooperation in a JSON `file`")
	version := c.fs.Int("version", 0, "the `version` the change is made to (default: the file's, or the current one)")
	id, err := c.parseWrite(cmd, args, "edit ID --author WHO [--note WHY] [--file FILE] [--version V] [field flags]")
	if err != nil {
		return err
	}
	db, cur, err := c.stored(ctx, id)
	if err != nil {
		return err
	}
	x := *cur
	if *file != "" {
		one, err := readOne(*file, "json", "give a file with one")
		if err != nil {
			return err
		}
		x = *one
		x.ID = id
		if x.Version == 0 {
			x.Version = cur.Version
		}
	}
	if *version > 0 {
		x.Version = *version
	}
	x.Participants = slices.Clone(x.Participants)
	if err := rf.apply(&x, setFlags(c.fs)); err != nil {
		return err
	}
	if err := c.vet(&x); err != nil {
		return err
	}
	before := x.Version
	if err := db.UpdateIMC(ctx, &x, c.edit()); err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc edit", fmt.Sprint(x.ID), fmt.Sprintf("version %d", x.Version))
	if *c.json {
		return writeJSON(c.stdout, x)
	}
	if x.Version == before {
		return say(ctx, c.stdout, "ok.imc.unchanged", id, x.Version)
	}
	return say(ctx, c.stdout, "ok.imc.saved", id, x.Version)
}

func imcDelete(ctx context.Context, c *imcCmd, cmd string, args []string) error {
	version := c.fs.Int("version", 0, "the `version` you are deleting (default: the current one)")
	id, err := c.parseWrite(cmd, args, "delete ID --author WHO [--note WHY] [--version V]")
	if err != nil {
		return err
	}
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	v := *version
	if v == 0 {
		cur, err := db.IMC(ctx, id)
		if err != nil {
			return err
		}
		v = cur.Version
	}
	if err := db.DeleteIMC(ctx, id, v, c.edit()); err != nil {
		return err
	}
	recordCLI(ctx, db, c.stderr, "imc delete", fmt.Sprint(id), "")
	return say(ctx, c.stdout, "ok.imc.deleted", id)
}
