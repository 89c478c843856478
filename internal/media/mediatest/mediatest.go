// Package mediatest builds the files the media library's tests upload:
// real images and documents made in code, and the hostile files the
// library must refuse. Only tests import it.
package mediatest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
)

// Secret is written into the metadata of JPEGWithGPS and GIFWithComment;
// it must not survive an upload.
const Secret = "secret-location"

// picture is a w×h image with a gradient, so that encoders have
// something to encode.
func picture(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / max(w, 1)), uint8(y * 255 / max(h, 1)), 128, 255})
		}
	}
	return img
}

// JPEG encodes a w×h picture.
func JPEG(w, h int) []byte {
	var buf bytes.Buffer
	jpeg.Encode(&buf, picture(w, h), &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

// JPEGWithGPS is JPEG(w, h) with an EXIF block (APP1) holding an image
// description, an orientation and a GPS position (42°52'N 74°35'E).
func JPEGWithGPS(w, h int, orientation uint16) []byte {
	data := JPEG(w, h)
	seg := ExifSegment(orientation)
	return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
}

// ExifSegment is an APP1 segment with a little-endian TIFF structure:
// IFD0 (ImageDescription, Orientation, GPSInfo pointer) and a GPS IFD
// (latitude and longitude with their references).
func ExifSegment(orientation uint16) []byte {
	le := binary.LittleEndian
	var t []byte
	u16 := func(v uint16) { t = le.AppendUint16(t, v) }
	u32 := func(v uint32) { t = le.AppendUint32(t, v) }
	desc := Secret + "\x00"
	const (
		ifd0    = 8
		gps     = ifd0 + 2 + 3*12 + 4
		lat     = gps + 2 + 4*12 + 4
		lon     = lat + 24
		descOff = lon + 24
	)
	t = append(t, 'I', 'I')
	u16(42)
	u32(ifd0)
	u16(3)
	u16(0x010E) // ImageDescription, ASCII
	u16(2)
	u32(uint32(len(desc)))
	u32(descOff)
	u16(0x0112) // Orientation, SHORT
	u16(3)
	u32(1)
	u16(orientation)
	u16(0)
	u16(0x8825) // GPSInfo, LONG
	u16(4)
	u32(1)
	u32(gps)
	u32(0)
	u16(4)
	u16(1) // GPSLatitudeRef
	u16(2)
	u32(2)
	t = append(t, 'N', 0, 0, 0)
	u16(2) // GPSLatitude, RATIONAL×3
	u16(5)
	u32(3)
	u32(lat)
	u16(3) // GPSLongitudeRef
	u16(2)
	u32(2)
	t = append(t, 'E', 0, 0, 0)
	u16(4) // GPSLongitude
	u16(5)
	u32(3)
	u32(lon)
	u32(0)
	for _, r := range [][2]uint32{{42, 1}, {52, 1}, {1234, 100}, {74, 1}, {35, 1}, {5678, 100}} {
		u32(r[0])
		u32(r[1])
	}
	t = append(t, desc...)
	body := append([]byte("Exif\x00\x00"), t...)
	return append([]byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}, body...)
}

// GPSLatitude is the GPS IFD's latitude data as ExifSegment writes it.
func GPSLatitude() []byte {
	var b []byte
	for _, v := range []uint32{42, 1, 52, 1, 1234, 100} {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// PNG encodes a w×h picture.
func PNG(w, h int) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, picture(w, h))
	return buf.Bytes()
}

// PNGBomb is a valid 1×1 PNG whose header claims w×h pixels: what a
// decompression bomb looks like to a decoder that trusts it.
func PNGBomb(w, h uint32) []byte {
	data := PNG(1, 1)
	// signature (8), IHDR length (4), "IHDR" (4), width, height …
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

// GIF encodes an animated w×h GIF of the given number of frames.
func GIF(w, h, frames int) []byte {
	pal := color.Palette{color.Black, color.White, color.NRGBA{200, 30, 90, 255}}
	g := &gif.GIF{Config: image.Config{ColorModel: pal, Width: w, Height: h}}
	for i := range frames {
		img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		img.Pix[i%len(img.Pix)] = 2
		g.Image = append(g.Image, img)
		g.Delay = append(g.Delay, 10)
	}
	var buf bytes.Buffer
	gif.EncodeAll(&buf, g)
	return buf.Bytes()
}

// GIFWithComment is GIF(w, h, 2) with a comment extension holding Secret.
func GIFWithComment(w, h int) []byte {
	data := GIF(w, h, 2)
	pos := 13
	if flags := data[10]; flags&0x80 != 0 {
		pos += 3 << (flags&7 + 1)
	}
	comment := append([]byte{0x21, 0xFE, byte(len(Secret))}, Secret...)
	comment = append(comment, 0)
	return append(append(append([]byte{}, data[:pos]...), comment...), data[pos:]...)
}

// PDF is a minimal PDF file.
func PDF() []byte {
	return []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
		"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
}

// Entry is a file of a ZIP made by Zip.
type Entry struct {
	Name  string
	Data  []byte
	Store bool // without compression
}

// Zip builds a ZIP of the entries, in order.
func Zip(entries ...Entry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		method := zip.Deflate
		if e.Store {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: method})
		if err != nil {
			panic(err)
		}
		w.Write(e.Data)
	}
	zw.Close()
	return buf.Bytes()
}

// OOXML is a minimal Office Open XML package whose parts live under
// folder: "word" (DOCX), "xl" (XLSX) or "ppt" (PPTX).
func OOXML(folder string, extra ...Entry) []byte {
	main := map[string]string{"word": "document.xml", "xl": "workbook.xml", "ppt": "presentation.xml"}[folder]
	entries := []Entry{
		{Name: "[Content_Types].xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`)},
		{Name: "_rels/.rels", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`)},
		{Name: folder + "/" + main, Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><document>` + strings.Repeat("Гендерное равенство. ", 20) + `</document>`)},
	}
	return Zip(append(entries, extra...)...)
}

// ODT is a minimal OpenDocument text.
func ODT() []byte {
	return Zip(
		Entry{Name: "mimetype", Data: []byte("application/vnd.oasis.opendocument.text"), Store: true},
		Entry{Name: "content.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><office:document-content/>`)},
		Entry{Name: "META-INF/manifest.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><manifest:manifest/>`)},
	)
}

// ZipBomb is a DOCX holding an entry of n zero bytes, which deflate
// squeezes a thousandfold.
func ZipBomb(n int) []byte {
	return OOXML("word", Entry{Name: "word/media/zeros.bin", Data: make([]byte, n)})
}

// SVGWithScript is an SVG image that runs a script when opened.
func SVGWithScript() []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>`)
}

// HTMLPage is an HTML page with a script.
func HTMLPage() []byte {
	return []byte("<!DOCTYPE html><html><body><script>fetch('/admin/users')</script></body></html>")
}
