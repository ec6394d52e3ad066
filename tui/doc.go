// Package tui is ziwb's interactive workbench: a root model that routes
// messages and owns the layout, and one file per screen. Screens read and
// write only through the store's API, always inside tea.Cmds, so Update
// never blocks and every "tersimpan" on screen follows a committed
// transaction.
package tui
