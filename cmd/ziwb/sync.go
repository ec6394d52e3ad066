package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui/serve"
)

// ziwb sync: a laptop's database and another (a file, or a ziwb serve
// over SSH) exchange field bundles of the satkers they share. Pull and
// merge here first; push only when nothing here waits for a person. Each
// merge is one transaction on its side: a sync killed at any point leaves
// both files whole, and running it again finishes it.

func newIdentitasCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "identitas",
		Short: "Tulis identitas basis data ini (dipakai bundel lapangan dan ziwb sync)",
		Long: `Tulis identitas basis data ini: nama yang dibawa bundel lapangan sebagai
asalnya, dan yang dipakai ziwb sync untuk mengenali satker yang sudah dibagi
dengan basis data lain. Hanya membaca; identitas dibuat saat basis data
pertama kali mengekspor atau menggabung bundel lapangan.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDB(cmd, readDB, func(db *store.DB) error {
				id, err := db.Identity()
				if err != nil {
					return err
				}
				if id == "" {
					return fmt.Errorf("%s belum punya identitas; dibuat saat pertama kali ziwb export --satker, ziwb import bundel lapangan atau ziwb sync", db.Path())
				}
				fmt.Fprintln(cmd.OutOrStdout(), id)
				return nil
			})
		},
	}
}

// peer is the other database of a sync.
type peer interface {
	name() string
	identity() (string, error)
	// pull is the other's field bundle of the satkers.
	pull(satkers []string, by string) ([]byte, error)
	// push merges this side's field bundle there, conflicts kept there.
	push(bundle []byte, by string) (store.MergeReport, error)
	close()
}

func newSyncCmd() *cobra.Command {
	var file, conflicts, identityFile string
	var satkers, sshOpts []string
	cmd := &cobra.Command{
		Use:   "sync (--file BERKAS.db | [PENGGUNA@]HOST[:PORT]) [--satker ID[,ID…]]",
		Short: "Selaraskan basis data ini (laptop) dengan basis data lain: tarik, gabung, lalu kirim",
		Long: `Selaraskan basis data ini (mis. laptop yang dibawa ke lapangan) dengan basis
data lain, satker demi satker, lewat bundel lapangan:

  1. tarik: bundel lapangan basis data lain digabung ke sini (tiga arah,
     satu transaksi); konflik disimpan di sini;
  2. bila masih ada konflik yang belum diputuskan di sini, berhenti sebelum
     mengirim: putuskan di layar penggabungan (buka ziwb, tekan m), lalu
     jalankan ziwb sync lagi;
  3. kirim: bundel lapangan basis data ini digabung ke basis data lain.

  ziwb sync --file server.db          berkas lain dibuka langsung
  ziwb sync budi@kanwil.example:23234 lewat SSH ke ziwb serve (port bawaan
                                      23234), dengan klien ssh sistem

Satker yang diselaraskan: yang dulu dibawa dari basis data itu (punya dasar
penggabungan dengannya), atau yang dipilih dengan --satker (wajib pada kali
pertama). Sync yang terputus di titik mana pun meninggalkan kedua berkas
utuh; jalankan lagi untuk menyelesaikannya. Keluar dengan status 1 bila
berhenti karena konflik di sini.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if remoteOf(cmd) != nil {
				return usageError{err: errors.New("sync tidak tersedia lewat server; jalankan ziwb sync di laptop")}
			}
			if (file == "") == (len(args) == 0) {
				return flagError("beri --file BERKAS.db atau [PENGGUNA@]HOST[:PORT], salah satu")
			}
			policy, err := policyFlag(conflicts)
			if err != nil {
				return err
			}
			var p peer
			if file != "" {
				if identityFile != "" || len(sshOpts) > 0 {
					return flagError("-i dan -o hanya untuk sync lewat SSH")
				}
				if path, err := dbPath(cmd); err == nil && sameFile(path, file) {
					return fmt.Errorf("%s adalah berkas basis data ini sendiri: tidak ada yang diselaraskan", file)
				}
				if p, err = openFilePeer(file); err != nil {
					return err
				}
			} else {
				sp, err := parseSSHTarget(args[0])
				if err != nil {
					return err
				}
				sp.identityFile, sp.opts, sp.stderr = identityFile, sshOpts, cmd.ErrOrStderr()
				p = sp
			}
			defer p.close()
			// Only a first sync, which names its satkers, makes a new file.
			open := writeDB
			if len(satkerList(satkers)) > 0 {
				open = openDB
			}
			return withDB(cmd, open, func(here *store.DB) error {
				return runSync(cmd, here, p, satkerList(satkers), policy)
			})
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "basis data lain, dibuka langsung (mis. salinan server di flashdisk)")
	cmd.Flags().StringSliceVar(&satkers, "satker", nil, "satker yang diselaraskan (id, dipisah koma); bawaan: yang sudah dibagi dengan basis data itu")
	cmd.Flags().StringVar(&conflicts, "conflicts", "", "konflik saat menarik: ours (pertahankan di sini), theirs (ambil milik mereka), list (hanya laporkan, tidak menulis dan tidak mengirim)")
	cmd.Flags().StringVarP(&identityFile, "identity-file", "i", "", "SSH: kunci pribadi (diteruskan ke ssh -i)")
	cmd.Flags().StringArrayVarP(&sshOpts, "ssh-option", "o", nil, "SSH: opsi ssh (diteruskan ke ssh -o), boleh berulang")
	return cmd
}

// syncListed is how many conflicts a sync lists of each merge.
const syncListed = 20

// runSync pulls, merges here, and pushes when nothing here waits.
func runSync(cmd *cobra.Command, here *store.DB, p peer, satkers []string, policy store.MergePolicy) error {
	out, by := cmd.OutOrStdout(), currentUser(cmd)
	me, err := here.Identity()
	if err != nil {
		return err
	}
	other, err := p.identity()
	if err != nil {
		return err
	}
	if other == me {
		return fmt.Errorf("%s dan %s adalah basis data yang sama (identitas %s; salinan berkas?): tidak ada yang diselaraskan; bawa satker keluar dengan ziwb export --satker dan ziwb import", here.Path(), p.name(), me)
	}
	if len(satkers) == 0 {
		if satkers, err = here.SharedWith(other); err != nil {
			return err
		}
		if len(satkers) == 0 {
			return flagError("%s belum berbagi satker dengan %s (%s): pada kali pertama, pilih dengan --satker ID[,ID…]", here.Path(), p.name(), other)
		}
	}
	fmt.Fprintf(out, "Menyelaraskan %s dengan %s (%s): %s\n\n", here.Path(), p.name(), other, strings.Join(satkers, ", "))

	bundle, err := p.pull(satkers, by)
	if err != nil {
		return fmt.Errorf("tarik dari %s: %w", p.name(), err)
	}
	fmt.Fprintf(out, "1. Tarik dari %s\n", p.name())
	rep, err := here.Merge(p.name(), bytes.NewReader(bundle), by, policy)
	if err != nil {
		return printImportErrors(cmd.ErrOrStderr(), here.Path(), err)
	}
	printMergeReport(indent(out), here, p.name(), here.Path(), rep, syncListed)
	if policy == store.MergeList {
		fmt.Fprintf(out, "\nHanya daftar (--conflicts list): tidak ada yang ditulis dan tidak ada yang dikirim ke %s.\n", p.name())
		return nil
	}
	waiting, err := here.Conflicts()
	if err != nil {
		return err
	}
	n := 0
	for _, c := range waiting {
		if slices.Contains(satkers, c.Satker) {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(out, "\nBelum dikirim ke %s: %d konflik di sini menunggu keputusan.\n", p.name(), n)
		fmt.Fprintf(cmd.ErrOrStderr(), "ziwb: %d konflik menunggu keputusan: %s, lalu jalankan ziwb sync lagi\n", n, mergeHint)
		return exitError{1}
	}

	var buf bytes.Buffer
	if _, err := here.FieldBundle(&buf, satkers, by); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n2. Kirim ke %s\n", p.name())
	rep, err = p.push(buf.Bytes(), by)
	if err != nil {
		return fmt.Errorf("kirim ke %s: %w", p.name(), err)
	}
	printMergeReport(indent(out), nil, here.Path(), p.name(), rep, syncListed)
	// Pulled once more, what was pushed becomes what the two share (the
	// base of the next merge), satkers new on the other side included.
	if bundle, err = p.pull(satkers, by); err != nil {
		return fmt.Errorf("tarik lagi dari %s: %w", p.name(), err)
	}
	again, err := here.Merge(p.name(), bytes.NewReader(bundle), by, policy)
	if err != nil {
		return printImportErrors(cmd.ErrOrStderr(), here.Path(), err)
	}
	if again.Applied+again.Added > 0 || len(again.Conflicts) > 0 {
		fmt.Fprintf(out, "\n3. Tarik lagi dari %s (berubah di sana selama sync)\n", p.name())
		printMergeReport(indent(out), here, p.name(), here.Path(), again, syncListed)
	}
	if n := len(rep.Conflicts); n > 0 {
		fmt.Fprintf(out, "\nSelesai, tetapi %d konflik menunggu keputusan di %s (buka ziwb di sana, tekan m); sync berikutnya membawanya kembali ke sini.\n", n, p.name())
		return nil
	}
	fmt.Fprintf(out, "\nSelaras: %d satker sama di %s dan %s.\n", len(satkers), here.Path(), p.name())
	return nil
}

// indent writes each line two spaces in.
func indent(w io.Writer) io.Writer { return &indenter{w: w, bol: true} }

type indenter struct {
	w   io.Writer
	bol bool
}

func (in *indenter) Write(p []byte) (int, error) {
	for _, line := range bytes.SplitAfter(p, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		if in.bol && len(line) > 1 {
			if _, err := in.w.Write([]byte("  ")); err != nil {
				return 0, err
			}
		}
		if _, err := in.w.Write(line); err != nil {
			return 0, err
		}
		in.bol = line[len(line)-1] == '\n'
	}
	return len(p), nil
}

func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// filePeer is another database file, opened directly.
type filePeer struct {
	path string
	db   *store.DB
}

func openFilePeer(path string) (*filePeer, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("basis data %s tidak ada", path)
		}
		return nil, err
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		return nil, err
	}
	return &filePeer{path: path, db: db}, nil
}

func (f *filePeer) name() string              { return f.path }
func (f *filePeer) identity() (string, error) { return f.db.Identity() }
func (f *filePeer) close()                    { f.db.Close() }

func (f *filePeer) pull(satkers []string, by string) ([]byte, error) {
	satkers, err := existing(f.db, satkers)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	_, err = f.db.FieldBundle(&buf, satkers, by)
	return buf.Bytes(), err
}

func (f *filePeer) push(bundle []byte, by string) (store.MergeReport, error) {
	return f.db.Merge("bundel kiriman", bytes.NewReader(bundle), by, store.MergeAsk)
}

// sshPeer is a ziwb serve, reached with the system's ssh client: the
// same commands, the bundles through its standard input and output.
type sshPeer struct {
	target, port string // [user@]host
	identityFile string
	opts         []string
	stderr       io.Writer
}

// parseSSHTarget reads [USER@]HOST[:PORT]; an IPv6 address goes in
// brackets when a port follows.
func parseSSHTarget(s string) (*sshPeer, error) {
	p := &sshPeer{target: s, port: strconv.Itoa(serve.DefaultPort)}
	user, host := "", s
	if i := strings.LastIndex(s, "@"); i >= 0 {
		user, host = s[:i+1], s[i+1:]
	}
	if strings.HasPrefix(host, "[") {
		end := strings.Index(host, "]")
		if end < 0 {
			return nil, flagError("alamat %q tidak sah: ] tidak ada", s)
		}
		if rest := host[end+1:]; rest != "" {
			port, ok := strings.CutPrefix(rest, ":")
			if !ok {
				return nil, flagError("alamat %q tidak sah", s)
			}
			p.port = port
		}
		host = host[1:end]
	} else if i := strings.LastIndex(host, ":"); i >= 0 && strings.Count(host, ":") == 1 {
		host, p.port = host[:i], host[i+1:]
	}
	if n, err := strconv.Atoi(p.port); err != nil || n <= 0 || n > 65535 {
		return nil, flagError("port %q pada %q tidak sah", p.port, s)
	}
	if host == "" {
		return nil, flagError("alamat %q tidak menyebut host", s)
	}
	p.target = user + host
	return p, nil
}

func (p *sshPeer) name() string { return p.target + ":" + p.port }
func (p *sshPeer) close()       {}

// run runs one ziwb command on the server and returns its output; its
// error output goes to ours as it comes.
func (p *sshPeer) run(stdin io.Reader, args ...string) ([]byte, error) {
	argv := []string{"-p", p.port, "-T"}
	if p.identityFile != "" {
		argv = append(argv, "-i", p.identityFile)
	}
	for _, o := range p.opts {
		argv = append(argv, "-o", o)
	}
	argv = append(argv, "--", p.target)
	argv = append(argv, args...)
	c := exec.Command("ssh", argv...)
	var out bytes.Buffer
	c.Stdin, c.Stdout, c.Stderr = stdin, &out, p.stderr
	if err := c.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("ssh %s %s: keluar dengan status %d", p.name(), strings.Join(args, " "), ee.ExitCode())
		}
		return nil, fmt.Errorf("jalankan ssh: %w", err)
	}
	return out.Bytes(), nil
}

func (p *sshPeer) identity() (string, error) {
	out, err := p.run(nil, "identitas")
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(string(out))
	if id == "" || strings.ContainsAny(id, " \n") {
		return "", fmt.Errorf("%s tidak menjawab dengan identitas basis data: %q", p.name(), id)
	}
	return id, nil
}

func (p *sshPeer) pull(satkers []string, _ string) ([]byte, error) {
	return p.run(nil, "export", "--skip-missing", "--satker", strings.Join(satkers, ","))
}

func (p *sshPeer) push(bundle []byte, _ string) (store.MergeReport, error) {
	var rep store.MergeReport
	out, err := p.run(bytes.NewReader(bundle), "import", "-", "--json")
	if err != nil {
		return rep, err
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return rep, fmt.Errorf("laporan penggabungan dari %s tidak terbaca: %v", p.name(), err)
	}
	return rep, nil
}
