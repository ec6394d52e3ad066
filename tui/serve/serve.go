// Package serve serves the workbench and the subcommands to a team over
// SSH from one process that owns the database: each person in the users
// file comes in with their key, works under their name and within their
// role, and sees the others' changes as they are saved.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kemenag-ortala/ziwb/store"
	"github.com/kemenag-ortala/ziwb/tui"
	"github.com/kemenag-ortala/ziwb/tui/format"
)

// Defaults of ziwb serve.
const (
	DefaultPort        = 23234 // as Charm's own servers use
	DefaultIdleTimeout = 30 * time.Minute
	DefaultMaxSessions = 100
)

// ExitAccessChanged is the exit status of a workbench session ended because
// the admin removed the person or changed their role in the users file
// (sysexits' EX_NOPERM): apart from 0 (the person quit), 1 and 2 (ziwb's
// own errors) and 128+n (the server stopped by a signal), so a script can
// tell access lost from a server to try again later.
const ExitAccessChanged = 77

// Command runs one subcommand line for a person and returns its exit
// status: what "ssh HOST COMMAND ARGS…" gets.
type Command func(ctx context.Context, db *store.DB, who Person, args []string, stdin io.Reader, stdout, stderr io.Writer) int

// Config is what a server needs.
type Config struct {
	Listen      string // host:port
	UsersFile   string
	HostKey     string // created on first start
	DB          *store.DB
	Command     Command
	IdleTimeout time.Duration
	MaxSessions int
	Log         io.Writer     // the connection log
	Poll        time.Duration // how often the users file is looked at; 0: a second
}

// Server is a running ziwb server.
type Server struct {
	cfg   Config
	ssh   *ssh.Server
	users *users
	ln    net.Listener

	mu       sync.Mutex
	sessions map[*session]bool
	closing  bool
	logMu    sync.Mutex
}

type session struct {
	who    Person
	cancel context.CancelFunc
	why    string // why the server ended it (under Server.mu), said once it is over
	code   int    // the workbench's exit status when the server ended it
}

// New checks the configuration, reads the users file and makes the host
// key when there is none; Serve then takes connections.
func New(cfg Config) (*Server, error) {
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxSessions == 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.Poll == 0 {
		cfg.Poll = time.Second
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	u, err := loadUsers(cfg.UsersFile)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, users: u, sessions: map[*session]bool{}}
	cfg.DB.SetPeople(u.roles()) // teams name the people of the users file
	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPath(cfg.HostKey),
		wish.WithPublicKeyAuth(s.allow),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return s.handle }),
	)
	if err != nil {
		return nil, fmt.Errorf("kunci host %s: %w", cfg.HostKey, err)
	}
	return s, nil
}

// Listen opens the address; Addr then says where the server is.
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("buka %s: %w", s.cfg.Listen, err)
	}
	s.ln = ln
	return nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Serve takes connections until Shutdown; the users file is read again
// whenever it changes.
func (s *Server) Serve() error {
	if s.ln == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	stop := make(chan struct{})
	defer close(stop)
	go s.watchUsers(stop)
	err := s.ssh.Serve(s.ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown ends every session with a message, waits for them (at most
// until ctx ends) and stops the server. A workbench session it ends exits
// with code (128+n for a signal, as the local workbench does); a command
// runs to its end and exits with its own status. The database stays open:
// its owner closes it.
func (s *Server) Shutdown(ctx context.Context, why string, code int) error {
	s.mu.Lock()
	s.closing = true
	for sess := range s.sessions {
		sess.why, sess.code = why, code
		sess.cancel()
	}
	s.mu.Unlock()
	// Wait for the sessions to finish (their saves are made), then close
	// what is left: idle connections have nothing to lose.
	for {
		s.mu.Lock()
		n := len(s.sessions)
		s.mu.Unlock()
		if n == 0 {
			break
		}
		select {
		case <-ctx.Done():
			s.ssh.Close()
			return fmt.Errorf("%d sesi belum selesai: %w", n, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
	return s.ssh.Close()
}

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.cfg.Log, "%s %s\n", time.Now().Format("2006-01-02 15:04:05"), fmt.Sprintf(format, args...))
}

// allow lets in the keys of the users file, and logs the others.
func (s *Server) allow(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := s.users.byKey(key); ok {
		return true
	}
	s.logf("ditolak: %s dari %s, kunci %s tidak terdaftar", ctx.User(), ctx.RemoteAddr(), fingerprint(key))
	return false
}

func fingerprint(key ssh.PublicKey) string {
	if key == nil {
		return "-"
	}
	return gossh.FingerprintSHA256(key)
}

// handle serves one session: a command when one was given, else the
// workbench in the session's terminal.
func (s *Server) handle(sess ssh.Session) {
	who, ok := s.users.byKey(sess.PublicKey())
	if !ok { // removed between the handshake and now
		wish.Fatalln(sess, "ziwb: kunci Anda tidak (lagi) terdaftar di server ini")
		return
	}
	ctx, cancel := context.WithCancel(sess.Context())
	defer cancel()
	me := &session{who: who, cancel: cancel}
	if err := s.admit(me); err != nil {
		wish.Fatalln(sess, "ziwb:", err)
		return
	}
	defer s.leave(me)
	start := time.Now()
	what := "meja kerja"
	if cmd := sess.Command(); len(cmd) > 0 {
		what = fmt.Sprintf("perintah %q", sess.RawCommand())
	}
	s.logf("masuk: %s (%s) dari %s, %s", who.Name, who.Role, sess.RemoteAddr(), what)
	code := 0
	workbench := len(sess.Command()) == 0
	if workbench {
		code = s.workbench(ctx, sess, me)
	} else {
		code = s.cfg.Command(ctx, s.cfg.DB.As(who.Role), who, sess.Command(), sess, commandOut(sess), format.PrintableWriter(sess.Stderr()))
	}
	s.mu.Lock()
	why := me.why
	if why != "" && workbench && code == 0 { // ended by the server, not by the person
		code = me.code
	}
	s.mu.Unlock()
	s.logf("keluar: %s dari %s setelah %s, status %d", who.Name, sess.RemoteAddr(), time.Since(start).Round(time.Second), code)
	// The reason goes after the workbench has given the terminal back:
	// written on its alternate screen, it would vanish with it. A
	// workbench's goes to the terminal's own stream, behind the bytes that
	// leave the alternate screen: on stderr a client may show it first.
	if why != "" {
		out := sess.Stderr()
		if workbench {
			out = sess
		}
		fmt.Fprintf(out, "\r\nziwb: %s\r\n", why)
	}
	sess.Exit(code)
}

func (s *Server) admit(me *session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return errors.New("server sedang berhenti")
	case len(s.sessions) >= s.cfg.MaxSessions:
		return fmt.Errorf("server penuh (%d sesi); coba lagi nanti", s.cfg.MaxSessions)
	}
	s.sessions[me] = true
	return nil
}

func (s *Server) leave(me *session) {
	s.mu.Lock()
	delete(s.sessions, me)
	s.mu.Unlock()
}

// workbench runs the workbench in the session's terminal until the person
// quits, the session ends or the server stops.
func (s *Server) workbench(ctx context.Context, sess ssh.Session, me *session) int {
	who := me.who
	pty, windows, ok := sess.Pty()
	if !ok {
		fmt.Fprintln(sess.Stderr(), "ziwb: meja kerja butuh terminal; sambung dengan ssh -t, atau beri perintah (mis. ssh … compare)")
		return 2
	}
	app := tui.New(s.cfg.DB.As(who.Role), who.Name).WithoutFiles()
	defer app.Close()
	opts := append(bm.MakeOptions(sess), tea.WithoutSignalHandler(), tea.WithContext(ctx))
	if pty.Window.Width > 0 {
		opts = append(opts, tea.WithWindowSize(pty.Window.Width, pty.Window.Height))
	}
	p := tea.NewProgram(app, opts...)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case w, ok := <-windows:
				if !ok {
					return
				}
				p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	go s.live(ctx, p)
	_, err := p.Run()
	p.Kill()
	s.mu.Lock()
	if me.code == ExitAccessChanged { // what is still typed is not saved under her name
		app.DropTyped()
	}
	s.mu.Unlock()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		s.logf("meja kerja %s berakhir dengan galat: %v", who.Name, err)
		return 1
	}
	return 0
}

// live tells the workbench when anyone's change was saved, at most a few
// times a second: a busy server commits far more often than a screen can
// show.
func (s *Server) live(ctx context.Context, p *tea.Program) {
	changes, stop := s.cfg.DB.Watch()
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-changes:
			p.Send(tui.Changed{})
			select { // coalesce what follows closely
			case <-ctx.Done():
				return
			case <-time.After(250 * time.Millisecond):
			}
		}
	}
}

// watchUsers reads the users file again when it changes, and ends the
// sessions of a person no longer in it.
func (s *Server) watchUsers(stop <-chan struct{}) {
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		changed, err := s.users.reload()
		if err != nil {
			s.logf("berkas pengguna tidak dibaca ulang (yang lama tetap berlaku): %v", err)
			continue
		}
		if !changed {
			continue
		}
		s.logf("berkas pengguna dibaca ulang")
		s.cfg.DB.SetPeople(s.users.roles())
		s.mu.Lock()
		for sess := range s.sessions {
			if now, ok := s.users.byKey(sess.who.Key); !ok || now.Role != sess.who.Role || now.Name != sess.who.Name {
				sess.why, sess.code = "akses Anda diubah oleh admin; sesi ini berakhir", ExitAccessChanged
				s.logf("sesi %s diakhiri: tidak lagi terdaftar dengan nama dan peran yang sama", sess.who.Name)
				sess.cancel()
			}
		}
		s.mu.Unlock()
	}
}

// commandOut is where a command's output goes: to a terminal (ssh -t)
// without the control sequences stored text may carry, as the local
// binary writes to one; to a pipe or file on the client (no pty) every
// byte as written, for a workbook or a bundle is data. Errors always go
// through format.PrintableWriter: they land on the person's terminal.
func commandOut(sess ssh.Session) io.Writer {
	if _, _, pty := sess.Pty(); pty {
		return format.PrintableWriter(sess)
	}
	return sess
}
