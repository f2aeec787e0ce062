// Package corpus is parlance's data model of written parliamentary questions
// and their answers, with readers for the sources researchers use and a
// client for the live UK Parliament Written Questions API.
//
// A Record is one written question with its answer. Records come from
//
//   - the Written Questions API (list pages, detail items, JSON Lines of
//     items, and full-text files of {id, questionText, answerText});
//   - TheyWorkForYou (parlparse) written-answers XML;
//   - Parallel Parliament search pages saved as text;
//   - parlance's own CSV and JSON Lines exports, which round-trip losslessly.
//
// Open detects the format of each input (a file, a directory, a glob, a .gz
// file or "-" for standard input) and streams records one at a time, so a
// corpus is never held twice in memory. Every reader reports what it read,
// skipped and truncated in a Summary; in lenient mode per-record problems are
// collected as *Problem values naming the file, record and field, and reading
// goes on. Nothing is dropped silently.
//
// Answering bodies are normalised through a Registry of canonical names and
// their aliases across eras and sources; unknown names pass through unchanged
// and are reported.
package corpus
