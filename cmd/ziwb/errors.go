package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/model"
)

// usageError is a mistake in the command line (an unknown flag, a wrong
// number of arguments, an empty --db): exit status 2, as shells expect.
type usageError struct {
	err error
	// stray says the line had words no command takes: over SSH, most
	// often a value with spaces that the server split again.
	stray bool
}

func (e usageError) Error() string { return e.err.Error() }

// flagError is a usage error about a flag's value or a combination of
// flags, found after parsing.
func flagError(format string, args ...any) error { return usageError{err: fmt.Errorf(format, args...)} }
func (e usageError) Unwrap() error               { return e.err }

// cobraMessages turns cobra's and pflag's English usage errors into ours.
var cobraMessages = model.Phrases([][2]string{
	{`^unknown flag: (\S+)$`, "tanda $1 tidak dikenal"},
	{`^unknown shorthand flag: '(.)' in -.$`, "tanda -$1 tidak dikenal"},
	{`^unknown shorthand flag: '(.)' in (\S+)$`, "tanda -$1 (dalam $2) tidak dikenal"},
	{`^flag needs an argument: '(.)' in -.+$`, "tanda -$1 butuh nilai"},
	{`^flag needs an argument: (\S+)$`, "tanda $1 butuh nilai"},
	{`^invalid argument "(.*)" for "(.+?)" flag: (.*)$`, "nilai \"$1\" untuk $2 tidak sah: $3"},
	{`^accepts (\d+) arg\(s\), received (\d+)$`, "perintah ini menerima $1 argumen, diberi $2"},
	{`^accepts at most (\d+) arg\(s\), received (\d+)$`, "perintah ini menerima paling banyak $1 argumen, diberi $2"},
	{`^requires at least (\d+) arg\(s\), only received (\d+)$`, "perintah ini butuh paling sedikit $1 argumen, diberi $2"},
	{`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`, "perintah ini menerima $1 sampai $2 argumen, diberi $3"},
	{`^unknown command "(.*)" for "(.*)"$`, "perintah \"$1\" tidak dikenal untuk $2"},
	{`^required flag\(s\) (.*) not set$`, "tanda wajib belum diberi: $1"},
	{`^invalid argument "(.*)" for "(.*)"$`, "argumen \"$1\" tidak sah untuk $2"},
})

// strayWords are cobra's errors about words that are no flag, value or
// argument the command takes.
var strayWords = regexp.MustCompile(`^(unknown command ".*" for|accepts (at most )?\d+ arg\(s\), received|accepts between)`)

var notANumber = regexp.MustCompile(`strconv\.Parse\w+: parsing ".*?": invalid syntax`)

// usage marks a cobra usage error as ours, in Indonesian, with the hint
// where to read more.
func usage(cmd *cobra.Command, err error) error {
	text := notANumber.ReplaceAllString(err.Error(), "bukan angka")
	stray := strayWords.MatchString(text)
	if said, ok := cobraMessages(text); ok {
		text = said
	}
	return usageError{err: fmt.Errorf("%s (lihat %s --help)", text, cmd.CommandPath()), stray: stray}
}

// markUsageErrors makes the argument checks and flag parsing of every
// command report usage errors (exit 2, in Indonesian).
func markUsageErrors(cmd *cobra.Command) {
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usage(c, err) })
	if args := cmd.Args; args != nil {
		cmd.Args = func(c *cobra.Command, a []string) error {
			if err := args(c, a); err != nil {
				return usage(c, err)
			}
			return nil
		}
	}
	for _, sub := range cmd.Commands() {
		markUsageErrors(sub)
	}
}

// message is an error as the user reads it: the English of Go's file and
// JSON errors, wherever they sit in the chain, said in Indonesian.
func message(err error) string {
	text := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		text = strings.Replace(text, pe.Error(), pathMessage(pe), 1)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		text = strings.Replace(text, se.Error(), "JSON rusak di bita "+fmt.Sprint(se.Offset)+" ("+se.Error()+")", 1)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		text = strings.Replace(text, te.Error(), fmt.Sprintf("nilai JSON %s tidak bisa dibaca sebagai %s di %q", te.Value, te.Type, te.Field), 1)
	}
	return text
}

// pathMessage says what went wrong with a file, in Indonesian.
func pathMessage(pe *fs.PathError) string {
	op := map[string]string{"open": "buka", "read": "baca", "write": "tulis", "stat": "periksa", "mkdir": "buat folder",
		"rename": "ganti nama", "remove": "hapus", "sync": "simpan", "close": "tutup"}[pe.Op]
	if op == "" {
		op = pe.Op
	}
	var why string
	switch {
	case errors.Is(pe.Err, fs.ErrNotExist):
		why = "berkas atau folder tidak ada"
	case errors.Is(pe.Err, fs.ErrPermission):
		why = "tidak ada izin"
	case errors.Is(pe.Err, syscall.EISDIR):
		why = "ini folder, bukan berkas"
	case errors.Is(pe.Err, syscall.ENOSPC):
		why = "disk penuh"
	case errors.Is(pe.Err, syscall.EROFS):
		why = "sistem berkas hanya bisa dibaca"
	case errors.Is(pe.Err, syscall.ENOTDIR):
		why = "bagian jalurnya bukan folder"
	default:
		why = pe.Err.Error()
	}
	return fmt.Sprintf("%s %s: %s", op, pe.Path, why)
}

// cobra's template functions are one map for the process, and the server
// builds a command tree per session: added once, before any of them.
func init() {
	cobra.AddTemplateFunc("tanda", func(line string) string { return strings.Replace(line, "[flags]", "[tanda]", 1) })
}

// usageTemplate is cobra's usage text in Indonesian.
const usageTemplate = `Pemakaian:{{if .Runnable}}
  {{.UseLine | tanda}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [perintah]{{end}}{{if gt (len .Aliases) 0}}

Nama lain:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Contoh:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Perintah:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Tanda:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Tanda umum:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Ketik "{{.CommandPath}} [perintah] --help" untuk keterangan sebuah perintah.{{end}}
`

// indonesianHelp gives every command the usage text and the help flag
// and command in Indonesian.
func indonesianHelp(cmd *cobra.Command) {
	cmd.SetUsageTemplate(usageTemplate)
	cmd.InitDefaultHelpFlag()
	if f := cmd.Flags().Lookup("help"); f != nil {
		f.Usage = "bantuan untuk " + cmd.Name()
	}
	for _, sub := range cmd.Commands() {
		indonesianHelp(sub)
	}
}
