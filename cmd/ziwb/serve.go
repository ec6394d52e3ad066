package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui"
	"github.com/kemenag-ortala/ziwb/tui/serve"
)

// remote is what a command run over SSH works with: the server's
// database, as the person who asked.
type remote struct {
	db   *store.DB // a view with the person's role
	user string
}

type remoteKey struct{}

func remoteOf(cmd *cobra.Command) *remote {
	if ctx := cmd.Context(); ctx != nil {
		r, _ := ctx.Value(remoteKey{}).(*remote)
		return r
	}
	return nil
}

// database is the server's database; --db has no say there.
func (r *remote) database(cmd *cobra.Command) (*store.DB, error) {
	if cmd.Flags().Changed("db") {
		_, err := dbPath(cmd)
		return nil, err
	}
	return r.db, nil
}

// local refuses, on a server, a file path from the command line: a
// person over SSH reads and writes through the session ("-"), never the
// server's files.
func local(cmd *cobra.Command, path string) error {
	if remoteOf(cmd) == nil || path == "" || path == "-" {
		return nil
	}
	return usageError{err: fmt.Errorf("di server ziwb, berkas %s tidak bisa dibaca atau ditulis; pakai masukan dan keluaran ssh, mis. ssh … export > bundel.json, ssh … import - < bundel.json", path)}
}

// remoteCommand runs a command line for a person on the server: the same
// subcommands as the local binary, on the server's database.
func remoteCommand(ctx context.Context, db *store.DB, who serve.Person, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "serve" || args[0] == "completion") {
		fmt.Fprintf(stderr, "ziwb: %q tidak tersedia lewat server\n", args[0])
		return 2
	}
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(context.WithValue(ctx, remoteKey{}, &remote{db: db, user: who.Name}))
	code := exitCode(err, stderr)
	if ue := (usageError{}); errors.As(err, &ue) && ue.stray {
		fmt.Fprintln(stderr, `ziwb: lewat ssh, server memecah baris perintah lagi di setiap spasi: kutip nilai yang berspasi dua kali, mis. ssh … 'evaluasi kembalikan --satker ID --alasan "Lengkapi area TL"'`)
	}
	return code
}

func newServeCmd() *cobra.Command {
	var listen, usersFile, hostKey string
	var idle time.Duration
	var maxSessions int
	cmd := &cobra.Command{
		Use:   "serve [--listen ALAMAT] [--users BERKAS] [--host-key BERKAS] [--db BERKAS]",
		Short: "Layani meja kerja dan semua perintahnya untuk tim lewat SSH",
		Long: `Satu proses memegang basis data dan melayani seluruh tim lewat SSH:
"ssh -p 23234 HOST" membuka meja kerja, "ssh -p 23234 HOST PERINTAH …"
menjalankan perintah yang sama dengan ziwb lokal (mis. compare --format csv,
export, import -). Setiap perubahan tercatat atas nama orangnya.

Berkas pengguna (bawaan: pengguna-ziwb.txt di samping basis data), satu orang
per baris:

  NAMA PERAN KUNCI-PUBLIK
  budi evaluator ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… budi@laptop

Peran: admin (semuanya, termasuk satker, import, backup), evaluator (menilai,
rekomendasi, tindak lanjut), viewer (hanya melihat). Baris # adalah
komentar. Berkas dibaca ulang saat berubah; sesi orang yang dihapus berakhir.
Sesi meja kerja yang diakhiri server keluar dengan status 77 bila akses
orangnya diubah (dihapus atau berganti peran) dan 128 + nomor sinyal (143
untuk SIGTERM) bila server dihentikan; perintah dibiarkan selesai.
Kunci host dibuat pada awal pertama (ziwb_host_ed25519 di samping basis data).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDB(cmd, openDB, func(db *store.DB) error {
				dir := filepath.Dir(db.Path())
				if usersFile == "" {
					usersFile = filepath.Join(dir, "pengguna-ziwb.txt")
				}
				if hostKey == "" {
					hostKey = filepath.Join(dir, "ziwb_host_ed25519")
				}
				if _, err := os.Stat(usersFile); errors.Is(err, os.ErrNotExist) {
					return fmt.Errorf("berkas pengguna %s tidak ada; buat dengan satu baris per orang: NAMA PERAN KUNCI-PUBLIK (lihat ziwb serve --help)", usersFile)
				}
				srv, err := serve.New(serve.Config{Listen: listen, UsersFile: usersFile, HostKey: hostKey, DB: db,
					Command: remoteCommand, IdleTimeout: idle, MaxSessions: maxSessions, Log: cmd.ErrOrStderr()})
				if err != nil {
					return err
				}
				if err := srv.Listen(); err != nil {
					return err
				}
				// Signals are caught before the server says it is ready: a
				// supervisor may stop it as soon as it has read that line.
				sigs := make(chan os.Signal, 1)
				signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
				defer signal.Stop(sigs)
				fmt.Fprintf(cmd.ErrOrStderr(), "ziwb melayani %s — basis data %s, pengguna %s\n", srv.Addr(), db.Path(), usersFile)
				stopped := make(chan os.Signal, 1) // the signal that ended it, for its exit status
				go func() {
					s, ok := <-sigs
					if !ok {
						return
					}
					stopped <- s
					fmt.Fprintf(cmd.ErrOrStderr(), "ziwb: sinyal %s diterima; semua sesi diakhiri\n", tui.SignalError{Signal: s}.Name())
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					defer cancel()
					srv.Shutdown(ctx, "server dihentikan; sampai jumpa", tui.SignalError{Signal: s}.ExitCode())
				}()
				err = srv.Serve()
				select {
				case s := <-stopped: // a clean stop, but a supervisor must tell it from a quit: 128+n
					return tui.SignalError{Signal: s}
				default:
					return err
				}
			})
		},
	}
	cmd.Flags().StringVar(&listen, "listen", fmt.Sprintf(":%d", serve.DefaultPort), "alamat yang didengar")
	cmd.Flags().StringVar(&usersFile, "users", "", "berkas pengguna (bawaan: pengguna-ziwb.txt di samping basis data)")
	cmd.Flags().StringVar(&hostKey, "host-key", "", "kunci host (bawaan: ziwb_host_ed25519 di samping basis data; dibuat bila belum ada)")
	cmd.Flags().DurationVar(&idle, "idle-timeout", serve.DefaultIdleTimeout, "sesi diam selama ini diakhiri")
	cmd.Flags().IntVar(&maxSessions, "max-sessions", serve.DefaultMaxSessions, "jumlah sesi bersamaan paling banyak")
	return cmd
}
