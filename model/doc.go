// Package model is ziwb's pure domain: the evaluation worksheet (instrument),
// answers and their validation, and the scoring engine that turns answers
// into points, per-component verdicts and a predicate (WBK / WBBM).
//
// It must never do I/O or touch a terminal: the store, the screens and the
// command line all call these functions with data they have read themselves,
// so every number they show comes from the same code.
package model
