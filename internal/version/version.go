// Package version holds parlance's version, printed by `parlance version`
// and recorded in every report's Methods section.
package version

// Version is parlance's semantic version.
const Version = "0.1.0"
