package main

import (
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
	"github.com/kemenag-ortala/ziwb/store"
)

// version is the module version and the VCS revision the binary was
// built from, as the Go toolchain recorded them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(tidak diketahui)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", dengan perubahan belum di-commit"
			}
		}
	}
	if rev != "" {
		v += " (revisi " + rev[:min(12, len(rev))] + modified + ")"
	}
	return v
}

// addCompletions completes the values of --satker (the ids in the
// database) and --instrument (the built-in instruments, or a YAML file)
// on every command that has them.
func addCompletions(cmd *cobra.Command) {
	if cmd.Flags().Lookup("satker") != nil {
		_ = cmd.RegisterFlagCompletionFunc("satker", completeSatkers)
	}
	if cmd.Flags().Lookup("instrument") != nil {
		_ = cmd.RegisterFlagCompletionFunc("instrument", completeInstruments)
	}
	for _, sub := range cmd.Commands() {
		addCompletions(sub)
	}
}

// completeSatkers lists the satker ids of the database, read-only and
// without waiting long for a file another ziwb holds.
func completeSatkers(cmd *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
	path, err := dbPath(cmd)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	db, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer db.Close()
	sks, err := db.Satkers()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, s := range sks {
		if strings.HasPrefix(s.ID, typed) {
			out = append(out, s.ID+"\t"+s.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeInstruments lists the built-in instrument ids; a file name
// completes as usual.
func completeInstruments(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, in := range model.Builtins() {
		out = append(out, in.ID+"\t"+in.Title)
	}
	return out, cobra.ShellCompDirectiveDefault
}
