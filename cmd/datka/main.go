// Command datka is a multilingual website engine and CMS in one binary.
// Run "datka help" for its commands.
package main

import (
	"os"

	"github.com/datka-cms/datka/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
