package testenv

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// SameRead reads something from two stores (a source and a copy of it)
// and compares it, times to the microsecond (PostgreSQL keeps no finer)
// and in UTC. It fails when the source holds nothing to compare.
func SameRead[T any](t *testing.T, what string, fromSrc, fromDst func(context.Context) (T, error)) {
	t.Helper()
	want, err := fromSrc(t.Context())
	if err != nil {
		t.Fatalf("%s at the source: %v", what, err)
	}
	got, err := fromDst(t.Context())
	if err != nil {
		t.Fatalf("%s at the destination: %v", what, err)
	}
	if reflect.ValueOf(want).IsZero() {
		t.Fatalf("%s: nothing at the source to compare", what)
	}
	roundTimes(reflect.ValueOf(&want).Elem())
	roundTimes(reflect.ValueOf(&got).Elem())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s differ:\ndestination %+v\nsource      %+v", what, got, want)
	}
}

// roundTimes rounds every time in v, which must be settable, to the
// microsecond in UTC.
func roundTimes(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if tm, ok := v.Interface().(time.Time); ok {
			if !tm.IsZero() {
				v.Set(reflect.ValueOf(tm.Round(time.Microsecond).UTC()))
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				roundTimes(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			roundTimes(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			roundTimes(v.Elem())
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			roundTimes(e)
			v.SetMapIndex(k, e)
		}
	}
}
