package site

import (
	"cmp"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
)

// ogLocale is a language's Open Graph locale ("ru_RU").
func ogLocale(code string) string {
	if lang, region, ok := strings.Cut(code, "-"); ok {
		return lang + "_" + strings.ToUpper(region)
	}
	switch code {
	case "ru":
		return "ru_RU"
	case "ky":
		return "ky_KG"
	case "en":
		return "en_GB"
	}
	return code
}

// publisher is the site's organisation in schema.org terms.
func (h *handler) publisher(s content.Settings, l lang.Language) map[string]any {
	return map[string]any{"@type": "Organization", "name": cmp.Or(s.Organisation, s.SiteName), "url": h.absolute("/" + l.Code + "/")}
}

// homeJSONLD describes the project as an Organization.
func (h *handler) homeJSONLD(s content.Settings, l lang.Language, funders []string) map[string]any {
	org := map[string]any{
		"@context": "https://schema.org",
		"@type":    "Organization",
		"name":     s.SiteName,
		"url":      h.absolute("/" + l.Code + "/"),
	}
	if s.ShortName != "" {
		org["alternateName"] = s.ShortName
	}
	if s.Email != "" {
		org["email"] = s.Email
	}
	if s.Address != "" {
		org["address"] = s.Address
	}
	if len(funders) > 0 {
		var fs []map[string]any
		for _, f := range funders {
			fs = append(fs, map[string]any{"@type": "Organization", "name": f})
		}
		org["funder"] = fs
	}
	return org
}

// entryJSONLD describes a news post as a NewsArticle and an event as an
// Event; materials get nothing.
func (h *handler) entryJSONLD(s content.Settings, l lang.Language, e content.Entry, t content.EntryText, url, image string) map[string]any {
	switch e.Type {
	case content.EntryNews:
		a := map[string]any{
			"@context":         "https://schema.org",
			"@type":            "NewsArticle",
			"headline":         t.Title,
			"inLanguage":       t.Lang,
			"url":              url,
			"mainEntityOfPage": url,
			"datePublished":    e.Date.In(h.loc).Format(time.RFC3339),
			"dateModified":     t.UpdatedAt.In(h.loc).Format(time.RFC3339),
			"author":           h.publisher(s, l),
			"publisher":        h.publisher(s, l),
		}
		if t.Summary != "" {
			a["description"] = t.Summary
		}
		if image != "" {
			a["image"] = image
		}
		return a
	case content.EntryEvent:
		ev := map[string]any{
			"@context":    "https://schema.org",
			"@type":       "Event",
			"name":        t.Title,
			"inLanguage":  t.Lang,
			"url":         url,
			"startDate":   e.Start.In(h.loc).Format(time.RFC3339),
			"eventStatus": "https://schema.org/EventScheduled",
			"organizer":   h.publisher(s, l),
		}
		if !e.End.IsZero() {
			ev["endDate"] = e.End.In(h.loc).Format(time.RFC3339)
		}
		if t.Summary != "" {
			ev["description"] = t.Summary
		}
		if image != "" {
			ev["image"] = image
		}
		var where []map[string]any
		if t.Place != "" {
			where = append(where, map[string]any{"@type": "Place", "name": t.Place, "address": t.Place})
		}
		if u := safeURL(e.OnlineURL); u != "" {
			where = append(where, map[string]any{"@type": "VirtualLocation", "url": u})
		}
		switch {
		case len(where) == 2:
			ev["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
		case safeURL(e.OnlineURL) != "":
			ev["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
		default:
			ev["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
		}
		if len(where) == 1 {
			ev["location"] = where[0]
		} else if len(where) > 1 {
			ev["location"] = where
		}
		if u := safeURL(e.RegistrationURL); u != "" {
			ev["offers"] = map[string]any{"@type": "Offer", "url": u}
		}
		return ev
	}
	return nil
}
