package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/disintegration/imaging"
	"golang.org/x/image/webp"
)

// JPEGQuality is the quality of the JPEGs this package writes.
const JPEGQuality = 85

// Processed is an accepted upload, ready to store.
type Processed struct {
	Type          Type // what is stored; a WebP is stored as JPEG or PNG
	Data          []byte
	Width, Height int
	Variants      []Variant // narrowest first
}

// Variant is a smaller copy of an image.
type Variant struct {
	Width, Height int
	Data          []byte
}

// Processor checks uploads and prepares them for storage. Decoding a
// large image takes hundreds of megabytes for a moment, so a Processor
// works on a few images at a time and makes other uploads wait.
type Processor struct {
	sem chan struct{}
}

// NewProcessor returns a Processor that decodes at most n images at once.
func NewProcessor(n int) *Processor {
	return &Processor{sem: make(chan struct{}, max(n, 1))}
}

// Process checks data and returns what to store: the file itself for a
// document, a clean re-encoding and its smaller copies for an image.
// It returns a *RefusedError for what it does not accept.
func (p *Processor) Process(ctx context.Context, data []byte) (*Processed, error) {
	if len(data) > MaxFileBytes {
		return nil, refuse(ReasonTooLarge, "%d bytes", len(data))
	}
	t, err := Detect(data)
	if err != nil {
		return nil, err
	}
	if !t.Image {
		return &Processed{Type: t, Data: data}, nil
	}
	if err := checkPixels(t, data); err != nil {
		return nil, err
	}
	select {
	case p.sem <- struct{}{}:
		defer func() { <-p.sem }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if t == TypeGIF {
		return reencodeGIF(data)
	}
	return reencode(t, data)
}

// checkPixels reads the image's size from its header and refuses one too
// large to decode; for a GIF it adds up the frames.
func checkPixels(t Type, data []byte) error {
	var cfg image.Config
	var err error
	r := bytes.NewReader(data)
	switch t {
	case TypeJPEG:
		cfg, err = jpeg.DecodeConfig(r)
	case TypePNG:
		cfg, err = png.DecodeConfig(r)
	case TypeGIF:
		cfg, err = gif.DecodeConfig(r)
	case TypeWebP:
		cfg, err = webp.DecodeConfig(r)
	default:
		return fmt.Errorf("media: %s is no image type", t.ContentType)
	}
	if err != nil {
		return refuse(ReasonCorrupt, "%s header: %v", t.ContentType, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return refuse(ReasonCorrupt, "%d×%d pixels", cfg.Width, cfg.Height)
	}
	if cfg.Width > MaxSide || cfg.Height > MaxSide || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return refuse(ReasonPixels, "%d×%d pixels", cfg.Width, cfg.Height)
	}
	if t == TypeGIF {
		area, err := gifArea(data)
		if err != nil {
			return refuse(ReasonCorrupt, "gif: %v", err)
		}
		if area > MaxPixels {
			return refuse(ReasonPixels, "gif frames hold %d pixels", area)
		}
	}
	return nil
}

// reencode decodes a still image, turns it upright by its EXIF
// orientation, and encodes it again, which leaves every byte of metadata
// behind. A WebP (Go has no WebP encoder) becomes a JPEG, or a PNG when it
// has transparency.
func reencode(t Type, data []byte) (*Processed, error) {
	var img image.Image
	var err error
	switch t {
	case TypeJPEG:
		img, err = imaging.Decode(bytes.NewReader(data), imaging.AutoOrientation(true))
	case TypePNG:
		img, err = png.Decode(bytes.NewReader(data))
	case TypeWebP:
		img, err = webp.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, refuse(ReasonCorrupt, "%s: %v", t.ContentType, err)
	}
	out := t
	if t == TypeWebP {
		out = TypeJPEG
		if !opaque(img) {
			out = TypePNG
		}
	}
	b := img.Bounds()
	res := &Processed{Type: out, Width: b.Dx(), Height: b.Dy()}
	if res.Data, err = encode(out, img); err != nil {
		return nil, err
	}
	// Each copy is made from the next wider one: quicker than from a
	// 40-megapixel original, and as sharp.
	widths := VariantWidths()
	src := img
	for i := len(widths) - 1; i >= 0; i-- {
		w := widths[i]
		if w >= res.Width {
			continue
		}
		small := imaging.Resize(src, w, 0, imaging.Lanczos)
		data, err := encode(out, small)
		if err != nil {
			return nil, err
		}
		res.Variants = append([]Variant{{Width: w, Height: small.Bounds().Dy(), Data: data}}, res.Variants...)
		src = small
	}
	return res, nil
}

func encode(t Type, img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch t {
	case TypeJPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality})
	case TypePNG:
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img)
	default:
		err = fmt.Errorf("media: cannot encode %s", t.ContentType)
	}
	if err != nil {
		return nil, fmt.Errorf("media: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// opaque reports whether img has no transparent pixel.
func opaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// reencodeGIF decodes every frame and writes them again: the comments and
// application blocks (XMP among them) stay behind, the animation stays.
// A GIF gets no smaller copies, which would be still.
func reencodeGIF(data []byte) (*Processed, error) {
	g, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		return nil, refuse(ReasonCorrupt, "gif: %v", err)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		return nil, refuse(ReasonCorrupt, "gif: %v", err)
	}
	return &Processed{Type: TypeGIF, Data: buf.Bytes(), Width: g.Config.Width, Height: g.Config.Height}, nil
}

// gifArea adds up the pixels of a GIF's frames by walking its blocks,
// without decoding any: a file of a few megabytes can otherwise hold
// thousands of full-screen frames.
func gifArea(data []byte) (int64, error) {
	if len(data) < 13 {
		return 0, fmt.Errorf("short header")
	}
	pos := 13
	if flags := data[10]; flags&0x80 != 0 {
		pos += 3 << (flags&7 + 1)
	}
	var area int64
	skipBlocks := func() error {
		for {
			if pos >= len(data) {
				return fmt.Errorf("truncated")
			}
			n := int(data[pos])
			pos++
			if n == 0 {
				return nil
			}
			pos += n
		}
	}
	for pos < len(data) {
		switch data[pos] {
		case 0x21: // extension: label, sub-blocks
			pos += 2
			if err := skipBlocks(); err != nil {
				return 0, err
			}
		case 0x2C: // image descriptor
			if pos+10 > len(data) {
				return 0, fmt.Errorf("truncated")
			}
			w := int64(binary.LittleEndian.Uint16(data[pos+5:]))
			h := int64(binary.LittleEndian.Uint16(data[pos+7:]))
			area += w * h
			if area > MaxPixels {
				return area, nil
			}
			flags := data[pos+9]
			pos += 10
			if flags&0x80 != 0 {
				pos += 3 << (flags&7 + 1)
			}
			pos++ // LZW minimum code size
			if err := skipBlocks(); err != nil {
				return 0, err
			}
		case 0x3B: // trailer
			return area, nil
		default:
			return 0, fmt.Errorf("unknown block %#x", data[pos])
		}
	}
	return area, nil
}
