package model

import (
	"regexp"
	"sync"
)

// Phrases turns a library's English messages into Indonesian. Each pair
// is a regular expression for a message (or its start) and the text that
// stands for it, with $1 … for its groups; the first pattern that matches
// gives the text. The patterns are compiled when first used: most runs
// never meet such a message, and start-up should not pay for them.
func Phrases(pairs [][2]string) func(msg string) (string, bool) {
	compiled := sync.OnceValue(func() []*regexp.Regexp {
		res := make([]*regexp.Regexp, len(pairs))
		for i, p := range pairs {
			res[i] = regexp.MustCompile(p[0])
		}
		return res
	})
	return func(msg string) (string, bool) {
		for i, re := range compiled() {
			if m := re.FindStringSubmatchIndex(msg); m != nil {
				return string(re.ExpandString(nil, pairs[i][1], msg, m)), true
			}
		}
		return msg, false
	}
}
