// Command ziwb is the Zona Integritas evaluator workbench: run without a
// subcommand it opens the interactive workbench; its subcommands work
// without a terminal, for scripts and reports.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/inconshreveable/mousetrap"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/tui"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// exitError carries an exit status for errors already printed in full.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// Double-clicked in Explorer, ziwb opens the workbench in the window
// Windows gives it; cobra would instead say, in English, that it is a
// command-line tool and close the window after five seconds.
func init() { cobra.MousetrapHelpText = "" }

func main() {
	code := run(os.Args[1:], onTerminal(os.Stdout), onTerminal(os.Stderr))
	if (code == 1 || code == 2) && mousetrap.StartedByExplorer() {
		holdWindow(os.Stdin, os.Stderr) // the window closes with the process
	}
	os.Exit(code)
}

// onTerminal is f for the commands' output, without the control
// sequences stored text may carry when f is a terminal: a satker's name
// from someone's bundle must not clear or retitle the window that prints
// it. Files and pipes get every byte, as written. The workbench draws
// through Bubble Tea, not through this.
func onTerminal(f *os.File) io.Writer {
	if isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()) {
		return format.PrintableWriter(f)
	}
	return f
}

// holdWindow waits for enter, so that an error in a window Explorer
// opened for ziwb can be read before the window closes.
func holdWindow(in io.Reader, out io.Writer) {
	fmt.Fprint(out, "Tekan Enter untuk menutup jendela ini.")
	bufio.NewReader(in).ReadString('\n')
}

// run executes one command line and returns the exit status; tests call it
// directly.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	return exitCode(root.Execute(), stderr)
}

// exitCode prints what went wrong and says how the process ends.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintln(stderr, "ziwb:", message(err))
	var se tui.SignalError
	var ue usageError
	switch {
	case errors.As(err, &se):
		return se.ExitCode() // 128+n, as a shell reports a death by signal
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// defaultDBHint is where store.DefaultPath puts the database on goos, as
// --help says it.
func defaultDBHint(goos string) string {
	if goos == "windows" {
		return `$ZIWB_DB, atau %LocalAppData%\ziwb\ziwb.db`
	}
	return "$ZIWB_DB, atau $XDG_DATA_HOME/ziwb/ziwb.db, atau ~/.local/share/ziwb/ziwb.db"
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "ziwb",
		Short: "Meja kerja evaluator Zona Integritas (ZI) Kementerian Agama",
		Long: `ziwb — meja kerja evaluator Zona Integritas (WBK/WBBM).

Tanpa subperintah, ziwb membuka meja kerja interaktif pada basis data
bawaan: daftar satker, evaluasi komponen demi komponen, kartu nilai.
Subperintahnya bekerja tanpa terminal, untuk skrip dan laporan.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE:          runWorkbench,
	}
	// --db works on every command; dbPath resolves it (and the default).
	root.PersistentFlags().String("db", "", "berkas basis data (bawaan: "+defaultDBHint(runtime.GOOS)+")")
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(newInstrumentCmd(), newScoreCmd(), newCheckCmd(), newBackupCmd(), newExportCmd(), newImportCmd(), newDemoCmd(), newRekomendasiCmd(), newCompareCmd(), newEvaluasiCmd(), newServeCmd(), newSyncCmd(), newIdentitasCmd(), newReportCmd())
	root.Version = version()
	root.SetVersionTemplate("ziwb {{.Version}}\n")
	root.Flags().BoolP("version", "v", false, "tampilkan versi ziwb")
	root.Flags().BoolP("help", "h", false, "bantuan untuk ziwb")
	root.SetHelpCommand(&cobra.Command{Use: "help [perintah]", Short: "Bantuan untuk perintah apa pun",
		Run: func(c *cobra.Command, args []string) {
			target, _, err := c.Root().Find(args)
			if target == nil || err != nil {
				target = c.Root()
			}
			target.Help()
		}})
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	indonesianCompletion(root)
	indonesianHelp(root)
	markUsageErrors(root)
	addCompletions(root)
	return root
}
