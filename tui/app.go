package tui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/kemenag-ortala/ziwb/store"
)

// Smallest terminal the workbench lays itself out in.
const (
	minWidth  = 60
	minHeight = 15
)

// screen is one page of the workbench. Screens are pointers: the root
// forwards messages and composes the frame around their View.
type screen interface {
	Init() tea.Cmd
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	Title() string
	Help() keyHelp
	// Capturing reports that a text field has focus, so keys such as q
	// and ? are typed into it rather than acting on the screen.
	Capturing() bool
}

// Messages between screens and the root.
type (
	pushMsg struct{ s, from screen } // open s on top, if from (set by tag) is on top
	backMsg struct{ from screen }    // close the top screen, if it is from
	// refreshMsg asks the top screen to reload what it shows.
	refreshMsg struct{}
	// errMsg is a command's failure; it goes to the screen that asked,
	// and the root shows it in the foot until the next key.
	errMsg struct{ err error }
)

// push and back navigate from a command's result; keys use env.open and
// env.goBack, which take effect before the next key is read.
func push(s screen) tea.Cmd { return func() tea.Msg { return pushMsg{s: s} } }
func back() tea.Msg         { return backMsg{} }

// env is what every screen shares: the store, who is working, the styles.
type env struct {
	db     *store.DB
	user   string
	remote bool // a session on the server: no file is written where it runs
	st     styles
	dark   bool     // the terminal's background, as it reported it
	look   int      // counts changes of st, for screens that keep drawn parts
	nav    []screen // navigation asked for during this Update; nil means back
	// writes keeps the store writes in the order they were asked for.
	writes writeQueue
}

// open shows s on top once the current Update returns, so a key typed
// right after reaches s and not the screen below.
func (e *env) open(s screen) tea.Cmd {
	e.nav = append(e.nav, s)
	return nil
}

// goBack closes the current screen once the current Update returns.
func (e *env) goBack() tea.Cmd {
	e.nav = append(e.nav, nil)
	return nil
}

// App is the root model: it routes messages, keeps the stack of screens
// and owns the frame (header, body, help line).
type App struct {
	env        *env
	keys       globalKeys
	help       help.Model
	stack      []screen
	width      int
	height     int
	showHelp   bool
	helpScroll int    // the overview's first line shown, when it scrolls
	flash      string // the last error, until the next key
	frame      frame

	// Someone else's changes reload a list at most every liveEvery: a
	// busy server commits hundreds of times a second.
	lastLive time.Time
	liveDue  bool // a reload is scheduled
	// liveHeld: a change came while text was being typed; it is shown
	// once the field is left.
	liveHeld bool
	// dropTyped: Close saves nothing still being typed (DropTyped).
	dropTyped bool
}

// liveEvery is how often someone else's changes reload the screen on top
// at most: soon enough that they show within a second.
const liveEvery = 750 * time.Millisecond

// liveTickMsg is the scheduled reload.
type liveTickMsg struct{}

// New builds the workbench on an open store. user is recorded as the
// author of every change. Colours start for a dark background and follow
// the background the terminal reports.
func New(db *store.DB, user string) *App {
	e := &env{db: db, user: user, st: newStyles(true), dark: true}
	a := &App{env: e, keys: newGlobalKeys(), stack: []screen{newHome(e)}}
	a.setHelpStyles()
	return a
}

// WithoutFiles marks a workbench served to someone elsewhere (ziwb serve):
// exports write no file on the machine it runs on.
func (a *App) WithoutFiles() *App {
	a.env.remote = true
	return a
}

func (a *App) setHelpStyles() {
	a.help = help.New()
	a.help.Styles = help.DefaultStyles(a.env.dark)
	a.help.ShortSeparator = " · "
	a.help.SetWidth(a.width)
}

func (a *App) top() screen { return a.stack[len(a.stack)-1] }

// Init loads the first screen and asks the terminal for its background,
// which decides between the light and the dark colours.
func (a *App) Init() tea.Cmd {
	return tea.Batch(tag(a.top(), a.top().Init()), tea.RequestBackgroundColor)
}

// tooSmall reports a window known to be smaller than the workbench
// needs; it shows only how to grow it then.
func (a *App) tooSmall() bool {
	return a.width > 0 && (a.width < minWidth || a.height < minHeight)
}

func (a *App) bodySize() (int, int) { return a.width, max(0, a.height-2) }

// liveScreen is a screen that can tell cheaply whether someone else's
// change concerns it: live's command reloads it when it does and returns
// nothing when it does not, so a busy server's commits cost it no frame.
type liveScreen interface {
	screen
	live() tea.Cmd
}

// DropTyped makes Close leave what is still being typed unsaved: the
// server ended the session because the person's access was taken away,
// and nothing more is written under their name.
func (a *App) DropTyped() { a.dropTyped = true }

// Changed tells the workbench that someone else changed the data (another
// session on a server): the screen on top shows it again, unless text is
// being typed into it.
type Changed struct{}

// Close waits for the saves still on their way, a note still being typed
// among them: a program's end does not.
func (a *App) Close() {
	for _, s := range a.stack {
		if a.dropTyped {
			break
		}
		if k, ok := s.(interface{ keepTyped() }); ok {
			k.keepTyped() // queues its save, done below
		}
	}
	a.env.writes.drain()
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case Changed:
		if a.top().Capturing() {
			a.liveHeld = true
			return a, nil
		}
		if s, ok := a.top().(liveScreen); ok { // it knows whether it changed: the frame stays
			return a, tag(s, s.live())
		}
		if a.liveDue {
			return a, nil
		}
		if wait := liveEvery - time.Since(a.lastLive); wait > 0 {
			a.liveDue = true
			return a, tea.Tick(wait, func(time.Time) tea.Msg { return liveTickMsg{} })
		}
		a.lastLive = time.Now()
		msg = refreshMsg{}
	case liveTickMsg:
		a.liveDue, a.lastLive = false, time.Now()
		if a.top().Capturing() {
			a.liveHeld = true
			return a, nil
		}
		msg = refreshMsg{}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width == a.width && msg.Height == a.height {
			return a, nil // terminals repeat the size; nothing to lay out
		}
		a.width, a.height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		a.resizeAll()
		return a, nil
	case tea.BackgroundColorMsg:
		if dark := msg.IsDark(); dark != a.env.dark {
			a.env.dark, a.env.st = dark, newStyles(dark)
			a.env.look++
			a.setHelpStyles()
			a.resizeAll() // every screen draws again with the new styles
		}
		return a, nil
	case tea.PasteMsg:
		a.flash = ""
		if a.showHelp || a.tooSmall() {
			return a, nil
		}
	case tea.KeyPressMsg:
		a.flash = ""
		if key.Matches(msg, a.keys.Quit) {
			return a, tea.Quit
		}
		if a.tooSmall() {
			return a, nil // the screen is not shown: a key would act unseen
		}
		if a.showHelp {
			// Any key closes the overview, it is only for reading; but ↓
			// and ↑ scroll one that does not fit.
			switch {
			case key.Matches(msg, a.keys.HelpDown) && a.scrollHelp(1):
			case key.Matches(msg, a.keys.HelpUp) && a.scrollHelp(-1):
			default:
				a.showHelp, a.helpScroll = false, 0
			}
			return a, nil
		}
		if !a.top().Capturing() && key.Matches(msg, a.keys.Help) {
			a.showHelp = true
			return a, nil
		}
	case pushMsg:
		if msg.from != nil && msg.from != a.top() {
			return a, nil // asked by a screen the user has left
		}
		return a, a.open(msg.s)
	case backMsg:
		if msg.from != nil && msg.from != a.top() {
			return a, nil
		}
		return a, a.close()
	case screenMsg:
		return a, a.deliver(msg)
	case errMsg: // from a command no screen asked for
		a.flash = errorText(msg.err)
		return a, nil
	case refreshMsg:
		return a, a.refreshTop()
	default:
		// A screen hears keys, pastes and the results of its own
		// commands (screenMsg); the terminal's other reports (focus,
		// capabilities, key releases) concern none of them.
		return a, nil
	}
	cmd := a.updateTop(msg)
	if a.liveHeld && !a.top().Capturing() { // the field is left: show what came meanwhile
		a.liveHeld = false
		cmd = tea.Batch(cmd, func() tea.Msg { return Changed{} })
	}
	return a, cmd
}

// updateTop hands msg to the top screen and carries out the navigation
// it asked for.
func (a *App) updateTop(msg tea.Msg) tea.Cmd {
	s := a.top()
	cmd := tag(s, s.Update(msg))
	a.frame.stale = true
	for len(a.env.nav) > 0 {
		next := a.env.nav[0]
		a.env.nav = a.env.nav[1:]
		if next == nil {
			cmd = tea.Batch(cmd, a.close())
		} else {
			cmd = tea.Batch(cmd, a.open(next))
		}
	}
	return cmd
}

// deliver hands a command's result to the screen that asked for it. An
// error is also shown in the foot, whichever screen is on top; a result
// for a screen already closed is dropped.
func (a *App) deliver(m screenMsg) tea.Cmd {
	if e, ok := m.msg.(errMsg); ok {
		a.flash = errorText(e.err)
	}
	if m.to == a.top() {
		return a.updateTop(m.msg)
	}
	for _, s := range a.stack {
		if s == m.to {
			cmd := tag(s, s.Update(m.msg))
			a.env.nav = nil // only the top screen navigates
			return cmd
		}
	}
	// The screen that asked is closed: a failure is still said.
	if f, ok := m.msg.(failure); ok && f.failureText() != "" {
		a.flash = f.failureText()
	}
	return nil
}

// failure is a command's result that may carry a failure its screen
// would have shown; failureText says it, or is "".
type failure interface{ failureText() string }

func (a *App) open(s screen) tea.Cmd {
	w, h := a.bodySize()
	s.SetSize(w, h)
	a.stack = append(a.stack, s)
	return tag(s, s.Init())
}

func (a *App) close() tea.Cmd {
	if len(a.stack) == 1 {
		return tea.Quit
	}
	a.stack = a.stack[:len(a.stack)-1]
	a.frame.stale = true
	return a.refreshTop()
}

// refreshTop has the top screen read its data again. The read waits in
// the write queue behind the saves still on their way — a walk closed
// right after a key — so the screen shows what they saved.
func (a *App) refreshTop() tea.Cmd {
	s := a.top()
	cmd := tag(s, s.Update(refreshMsg{}))
	a.frame.stale = true
	if cmd == nil {
		return nil
	}
	return a.env.writes.add(cmd)
}

// resizeAll gives every screen on the stack the body's size; a screen
// draws itself again on it.
func (a *App) resizeAll() {
	a.frame.stale = true
	w, h := a.bodySize()
	for _, s := range a.stack {
		s.SetSize(w, h)
	}
}

// errorText turns store and model errors into a message for the user.
func errorText(err error) string {
	switch {
	case errors.Is(err, store.ErrLocked):
		return "basis data sedang dipakai ziwb lain: " + err.Error()
	case errors.Is(err, store.ErrNotFound):
		return "tidak ditemukan: " + err.Error()
	}
	return err.Error()
}
