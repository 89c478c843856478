package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3Config is where an S3 storage keeps its files, as read from an
// s3:// URL by ParseS3URL.
type S3Config struct {
	Bucket    string
	Prefix    string // object names start with it and a slash; may be empty
	Endpoint  string // host:port
	Region    string
	Secure    bool // HTTPS
	AccessKey string
	SecretKey string
}

// ParseS3URL reads
//
//	s3://BUCKET[/PREFIX]?endpoint=HOST:PORT&region=R&secure=false&access_key=…&secret_key=…
//
// The keys may be left out of the URL and given in AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY instead; secure is true unless said otherwise.
// Errors never contain the keys.
func ParseS3URL(rawURL string) (S3Config, error) {
	bad := func(format string, args ...any) (S3Config, error) {
		return S3Config{}, fmt.Errorf("media: S3 URL %s: %s", RedactS3URL(rawURL), fmt.Sprintf(format, args...))
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error repeats the URL, keys and all.
		return bad("not a URL")
	}
	if u.Scheme != "s3" {
		return bad("must start with s3://")
	}
	if u.User != nil {
		return bad("give the keys as access_key and secret_key, not before the bucket")
	}
	c := S3Config{Bucket: u.Host, Prefix: strings.Trim(u.Path, "/"), Secure: true}
	if c.Bucket == "" {
		return bad("names no bucket, as in s3://BUCKET?endpoint=HOST:PORT")
	}
	if c.Prefix != "" && path.Clean(c.Prefix) != c.Prefix {
		return bad("prefix %q is not a clean path", c.Prefix)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return bad("its parameters are not URL-encoded")
	}
	for k := range q {
		switch k {
		case "endpoint", "region", "secure", "access_key", "secret_key":
		default:
			return bad("unknown parameter %q (known: endpoint, region, secure, access_key, secret_key)", k)
		}
	}
	c.Endpoint = q.Get("endpoint")
	if _, port, err := net.SplitHostPort(c.Endpoint); err != nil || port == "" {
		return bad("endpoint=%q must be host:port, such as s3.example.org:443", c.Endpoint)
	}
	c.Region = q.Get("region")
	if v := q.Get("secure"); v != "" {
		if c.Secure, err = strconv.ParseBool(v); err != nil {
			return bad("secure=%q must be true or false", v)
		}
	}
	c.AccessKey, c.SecretKey = q.Get("access_key"), q.Get("secret_key")
	if c.AccessKey == "" && c.SecretKey == "" {
		c.AccessKey, c.SecretKey = os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
	}
	if c.AccessKey == "" || c.SecretKey == "" {
		return bad("needs both access_key and secret_key, in the URL or in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
	}
	return c, nil
}

// RedactS3URL returns rawURL with the values of its keys hidden, for
// messages and logs.
func RedactS3URL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(an unreadable URL)"
	}
	if u.User != nil {
		u.User = url.User("xxxxx")
	}
	q := u.Query()
	for _, k := range []string{"access_key", "secret_key"} {
		if q.Has(k) {
			q.Set(k, "xxxxx")
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// S3 is Storage in a bucket of an S3-compatible object store, for sites
// that run on more than one machine.
type S3 struct {
	client *minio.Client
	bucket string
	prefix string
	where  string // bucket and endpoint, for errors
}

// NewS3 connects to the storage rawURL names (see ParseS3URL) and checks
// that its bucket exists, so that a wrong address stops the start-up
// rather than the first upload.
func NewS3(ctx context.Context, rawURL string) (*S3, error) {
	c, err := ParseS3URL(rawURL)
	if err != nil {
		return nil, err
	}
	client, err := minio.New(c.Endpoint, &minio.Options{
		Creds:        credentials.NewStaticV4(c.AccessKey, c.SecretKey, ""),
		Secure:       c.Secure,
		Region:       c.Region,
		BucketLookup: minio.BucketLookupPath,
	})
	if err != nil {
		return nil, fmt.Errorf("media: S3 URL %s: %w", RedactS3URL(rawURL), err)
	}
	s := &S3{client: client, bucket: c.Bucket, where: "bucket " + c.Bucket + " at " + c.Endpoint}
	if c.Prefix != "" {
		s.prefix = c.Prefix + "/"
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	ok, err := client.BucketExists(ctx, c.Bucket)
	var refused minio.ErrorResponse
	if errors.As(err, &refused) {
		return nil, fmt.Errorf("media: S3 %s refused access (check the keys and the region): %w", s.where, err)
	}
	if err != nil {
		return nil, fmt.Errorf("media: S3 %s cannot be reached: %w", s.where, err)
	}
	if !ok {
		return nil, fmt.Errorf("media: S3 %s does not exist; create it first", s.where)
	}
	return s, nil
}

func (s *S3) key(name string) (string, error) {
	if !ValidName(name) {
		return "", fmt.Errorf("media: %q is not a storage name", name)
	}
	return s.prefix + name, nil
}

// s3PartSize is the size of the parts of an upload, and the memory it
// holds: 16 MiB, the smallest the client accepts for a stream of unknown
// length.
const s3PartSize = 16 << 20

// Put uploads what r yields. A reader that knows its length (the
// admin's bytes.Reader) goes in one PUT, which S3 stores whole or not at
// all; any other in a multipart upload of unknown length, which S3 turns
// into an object only when it is completed and the client aborts when
// the reader fails. Either way a failed upload leaves nothing behind.
func (s *S3) Put(ctx context.Context, name string, r io.Reader) error {
	key, err := s.key(name)
	if err != nil {
		return err
	}
	opts := minio.PutObjectOptions{PartSize: s3PartSize}
	if t, ok := typeOfName(name); ok {
		opts.ContentType = t.ContentType
	}
	size := int64(-1)
	if l, ok := r.(interface{ Len() int }); ok {
		size = int64(l.Len())
	}
	if _, err := s.client.PutObject(ctx, s.bucket, key, r, size, opts); err != nil {
		return fmt.Errorf("media: put %s in S3 %s: %w", name, s.where, err)
	}
	return nil
}

// Open returns the object, which reads with ranged requests where it is
// sought; it is asked for its size first, so that a missing object is
// ErrNotExist here rather than an error on the first read.
func (s *S3) Open(ctx context.Context, name string) (File, error) {
	key, err := s.key(name)
	if err != nil {
		return nil, ErrNotExist
	}
	obj, err := s.client.GetObject(ctx, s.bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("media: open %s in S3 %s: %w", name, s.where, err)
	}
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		if isNoSuchKey(err) {
			return nil, ErrNotExist
		}
		return nil, fmt.Errorf("media: open %s in S3 %s: %w", name, s.where, err)
	}
	return obj, nil
}

// Delete removes an object; S3 answers a missing one with success.
func (s *S3) Delete(ctx context.Context, name string) error {
	key, err := s.key(name)
	if err != nil {
		return err
	}
	err = s.client.RemoveObject(ctx, s.bucket, key, minio.RemoveObjectOptions{})
	if err != nil && !isNoSuchKey(err) {
		return fmt.Errorf("media: delete %s in S3 %s: %w", name, s.where, err)
	}
	return nil
}

func isNoSuchKey(err error) bool {
	var resp minio.ErrorResponse
	if !errors.As(err, &resp) {
		return false
	}
	return resp.Code == "NoSuchKey" || resp.StatusCode == http.StatusNotFound && resp.Code != "NoSuchBucket"
}

// typeOfName gives the type of a storage name from its extension.
func typeOfName(name string) (Type, bool) {
	ext := path.Ext(name)
	for _, t := range []Type{TypeJPEG, TypePNG, TypeGIF, TypeWebP, TypePDF, TypeDOCX, TypeXLSX, TypePPTX, TypeODT} {
		if t.Ext == ext {
			return t, true
		}
	}
	return Type{}, false
}
