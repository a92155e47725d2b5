// Package fetchtest serves recorded answers from a local HTTP server, with
// scripted faults, so that everything built on package fetch can be tested
// offline against the bytes real services sent.
//
// A Server matches requests by method, path and query (parameters sorted;
// the credentials a Fetcher adds, api_key and mailto, ignored) and answers
// each route from a script of Answers: the first request gets the first
// answer, and so on, the last repeating. An Answer can be late (Delay),
// trickle its body (SlowBody), cut it short and drop the connection
// (Truncate) or drop the connection without a word (Drop). The server
// counts what it receives (per route, in flight at once, arrival times), so
// tests measure limits from the server's side; a Meter shared by several
// servers counts requests in flight across them.
//
// LoadCassette reads the vcrpy cassettes recorded by Python clients
// (habanero, semanticscholar): their answers, headers included, replay as
// the services sent them.
//
// Requests no route answers get 501 Not Implemented with a message naming
// them (counted by Unmatched), except /robots.txt, which gets 404 (no
// restrictions) unless a route is set for it.
package fetchtest
