// Package theme holds the site's templates and static assets, embedded in
// the binary. A folder with the same layout (templates/, static/) can
// replace them at start-up, so that a site can change its look without a
// new build; both paths go through the same fs.FS.
package theme

import (
	"embed"
	"io/fs"
	"os"
)

//go:embed templates static
var embedded embed.FS

// FS returns the theme: the folder dir when given, else the embedded one.
func FS(dir string) fs.FS {
	if dir != "" {
		return os.DirFS(dir)
	}
	return embedded
}
