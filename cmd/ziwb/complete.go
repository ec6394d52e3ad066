package main

import (
	"fmt"
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

// completionLoad says, per shell, how to load the script ziwb writes:
// in this session, then in every new one.
var completionLoad = map[string][2]string{
	"bash": {"source <(ziwb completion bash)",
		"simpan di /etc/bash_completion.d/ziwb (Linux) atau\n$(brew --prefix)/etc/bash_completion.d/ziwb (macOS)."},
	"zsh": {"source <(ziwb completion zsh)",
		"ziwb completion zsh > \"${fpath[1]}/_ziwb\"\n(perlu \"autoload -U compinit; compinit\" di ~/.zshrc)."},
	"fish": {"ziwb completion fish | source",
		"ziwb completion fish > ~/.config/fish/completions/ziwb.fish"},
	"powershell": {"ziwb completion powershell | Out-String | Invoke-Expression",
		"tambahkan baris itu ke profil PowerShell Anda."},
}

// indonesianCompletion says cobra's completion command and its shells in
// Indonesian, and makes an unknown shell a usage error, not the help.
func indonesianCompletion(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = "Skrip pelengkapan (tab) untuk shell"
		c.Long = `Tulis skrip pelengkapan tab ziwb untuk bash, zsh, fish atau powershell:
subperintah, tanda, id satker untuk --satker dan id instrumen untuk
--instrument. Lihat "ziwb completion SHELL --help" untuk cara memuatnya.`
		c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		c.DisableFlagsInUseLine = true
		for _, sh := range c.Commands() {
			sh.Short = "Skrip pelengkapan untuk " + sh.Name()
			load := completionLoad[sh.Name()]
			sh.Long = fmt.Sprintf("Tulis skrip pelengkapan tab ziwb untuk %s. Memuatnya di sesi ini:\n\n  %s\n\nUntuk setiap sesi baru: %s",
				sh.Name(), load[0], load[1])
			if f := sh.Flags().Lookup("no-descriptions"); f != nil {
				f.Usage = "tanpa keterangan di samping pilihan"
			}
		}
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
