package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"net/http"
	"os"
)

// spoolBytes is the size past which an answer is kept in a file rather
// than in memory: the library's documents may weigh more than the rest of
// the site together.
const spoolBytes = 1 << 20

// spooler is an http.ResponseWriter that keeps a small answer in memory
// and spools a large one into a temporary file in dir, hashing either as
// it arrives.
type spooler struct {
	dir    string
	header http.Header
	status int
	buf    bytes.Buffer
	f      *os.File
	h      hash.Hash
	n      int64
	err    error
}

func newSpooler(dir string) *spooler {
	return &spooler{dir: dir, header: http.Header{}, h: sha256.New()}
}

func (s *spooler) Header() http.Header { return s.header }

func (s *spooler) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

func (s *spooler) Write(p []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
	if s.err != nil {
		return 0, s.err
	}
	s.h.Write(p)
	s.n += int64(len(p))
	if s.f == nil && s.buf.Len()+len(p) <= spoolBytes {
		return s.buf.Write(p)
	}
	if s.f == nil {
		if s.f, s.err = os.CreateTemp(s.dir, "spool-*"); s.err != nil {
			return 0, s.err
		}
		if _, s.err = s.f.Write(s.buf.Bytes()); s.err != nil {
			return 0, s.err
		}
		s.buf = bytes.Buffer{}
	}
	n, err := s.f.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

// finish closes the spool file, if any, and returns the answer's body as
// an outFile.
func (s *spooler) finish() (outFile, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	o := outFile{data: s.buf.Bytes(), sum: hex.EncodeToString(s.h.Sum(nil)), size: s.n}
	if s.f != nil {
		o.data, o.spool = nil, s.f.Name()
		if err := s.f.Close(); err != nil && s.err == nil {
			s.err = err
		}
	}
	if s.err != nil {
		return o, fmt.Errorf("export: %w", s.err)
	}
	return o, nil
}

// outFile is the content of one file of the export: data, or the
// temporary file spool; sum is its SHA-256 in hex.
type outFile struct {
	data  []byte
	spool string
	sum   string
	size  int64
}

func memFile(data []byte) outFile {
	sum := sha256.Sum256(data)
	return outFile{data: data, sum: hex.EncodeToString(sum[:]), size: int64(len(data))}
}
