package testenv

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3Server is a versitygw process serving a temporary folder over the S3
// API: a real S3-compatible server, not a fake of one.
type S3Server struct {
	Endpoint  string // 127.0.0.1:PORT
	AccessKey string
	SecretKey string
}

// StartS3 starts versitygw on a free loopback port with a posix backend
// in a temporary folder, skipping t, or failing it in CI, when versitygw
// is not on PATH. The server stops when t ends.
func StartS3(t testing.TB) *S3Server {
	t.Helper()
	bin, err := exec.LookPath("versitygw")
	Require(t, err == nil, "versitygw (go install github.com/versity/versitygw/cmd/versitygw@v1.8.0)")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := &S3Server{Endpoint: addr, AccessKey: "datkatest", SecretKey: "datkatest-secret-" + strconv.Itoa(os.Getpid())}
	cmd := exec.Command(bin, versitygwArgs(s, t.TempDir())...)
	logs, err := os.CreateTemp(t.TempDir(), "versitygw-*.log")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		logs.Close()
	})
	// Any HTTP answer, even an access error, says the server is up.
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(logs.Name())
			t.Fatalf("versitygw did not answer on %s: %v\n%s", addr, err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s
}

// versitygwArgs is versitygw's command line for s, serving dir.
func versitygwArgs(s *S3Server, dir string) []string {
	return []string{"--access", s.AccessKey, "--secret", s.SecretKey, "--port", s.Endpoint, "--quiet", "posix", dir}
}

// Client returns a client of the server, for what a test checks behind
// the code under test.
func (s *S3Server) Client(t testing.TB) *minio.Client {
	t.Helper()
	c, err := minio.New(s.Endpoint, &minio.Options{
		Creds: credentials.NewStaticV4(s.AccessKey, s.SecretKey, ""), BucketLookup: minio.BucketLookupPath,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Bucket creates a bucket and returns the s3:// URL datka takes for it.
func (s *S3Server) Bucket(t testing.TB, bucket string) string {
	t.Helper()
	if err := s.Client(t).MakeBucket(context.Background(), bucket, minio.MakeBucketOptions{}); err != nil {
		t.Fatalf("make bucket %s: %v", bucket, err)
	}
	return s.URL(bucket)
}

// URL is the s3:// URL of bucket on the server, keys included.
func (s *S3Server) URL(bucket string) string {
	return "s3://" + bucket + "?endpoint=" + s.Endpoint + "&secure=false&access_key=" + s.AccessKey + "&secret_key=" + s.SecretKey
}
