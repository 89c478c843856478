package web

import (
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the Prometheus metrics of one datka process, in a registry
// of their own (no global state): requests and their latency by route and
// status, the page cache, the database pools, and the Go runtime.
type Metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	CacheHits   prometheus.Counter
	CacheMisses prometheus.Counter
	backupLast  prometheus.Gauge
	backupFails prometheus.Counter
}

// NewMetrics creates the metrics and their registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "datka_http_requests_total", Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "datka_http_request_duration_seconds", Help: "Time to answer HTTP requests, by route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route"}),
		CacheHits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "datka_page_cache_hits_total", Help: "Pages answered from the rendered-page cache.",
		}),
		CacheMisses: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "datka_page_cache_misses_total", Help: "Cacheable pages that had to be rendered.",
		}),
		backupLast: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "datka_backup_last_success_timestamp_seconds", Help: "When the server's last scheduled backup was taken (Unix time); 0 before the first.",
		}),
		backupFails: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "datka_backup_failures_total", Help: "Scheduled backups that failed.",
		}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.CacheHits, m.CacheMisses, m.backupLast, m.backupFails,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// BackupDone records a scheduled backup taken at at, or its failure.
func (m *Metrics) BackupDone(at time.Time, err error) {
	if err != nil {
		m.backupFails.Inc()
		return
	}
	m.backupLast.Set(float64(at.Unix()))
}

// WatchDB exports the pool statistics of db under the given name.
func (m *Metrics) WatchDB(name string, db *sql.DB) {
	m.reg.MustRegister(collectors.NewDBStatsCollector(db, name))
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Instrument counts and times every request. The route label is the
// ServeMux pattern that matched, so its values are few and known.
func (m *Metrics) Instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw, ok := w.(*statusWriter)
		if !ok {
			sw = &statusWriter{ResponseWriter: w}
		}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		m.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
		m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
	})
}
