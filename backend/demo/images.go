package demo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

// Photo-sized images (1600x1200, a few hundred KB as JPEG) so that exports and benchmarks
// handle the same load as a teacher's phone pictures.
const picWidth, picHeight = 1600, 1200

func (g *generator) picture(e portfolio.Entry, n int) image.Image {
	if e.Pilot != nil && len(e.Pilot.Outcomes) > 0 {
		return g.outcomeChart(e.Pilot.Outcomes[n%len(e.Pilot.Outcomes)])
	}
	return g.scene(e.Title)
}

// scene paints a soft, photo-like picture: a warm gradient with blurred shapes and grain.
func (g *generator) scene(label string) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, picWidth, picHeight))
	hue := g.rng.Float64() * 360
	top, bottom := hsl(hue, 0.45, 0.78), hsl(math.Mod(hue+40, 360), 0.5, 0.45)
	type blob struct {
		x, y, r float64
		c       color.RGBA
	}
	blobs := make([]blob, 9)
	for i := range blobs {
		blobs[i] = blob{g.rng.Float64() * picWidth, picHeight*0.35 + g.rng.Float64()*picHeight*0.6,
			60 + g.rng.Float64()*160, hsl(math.Mod(hue+float64(i)*37, 360), 0.55, 0.55)}
	}
	for y := 0; y < picHeight; y++ {
		t := float64(y) / picHeight
		for x := 0; x < picWidth; x++ {
			c := mix(top, bottom, t)
			for _, b := range blobs {
				d := math.Hypot(float64(x)-b.x, float64(y)-b.y) / b.r
				if d < 1.4 {
					c = mix(c, b.c, 0.85*smooth(1.4-d))
				}
			}
			grain := uint8(g.rng.IntN(14))
			img.SetRGBA(x, y, color.RGBA{sat(c.R, grain), sat(c.G, grain), sat(c.B, grain), 255})
		}
	}
	drawLabel(img, label, 40, picHeight-70, 3, color.RGBA{255, 255, 255, 255})
	return img
}

// outcomeChart draws a baseline-versus-result bar chart for one measured outcome.
func (g *generator) outcomeChart(o portfolio.Outcome) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, picWidth, picHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{250, 250, 247, 255}), image.Point{}, draw.Src)
	base, result := number(o.Baseline), number(o.Result)
	top := math.Max(base, result) * 1.2
	if top == 0 {
		top = 1
	}
	axisY := picHeight - 220
	bars := []struct {
		label string
		value float64
		c     color.RGBA
	}{{"Baseline " + o.Baseline, base, color.RGBA{148, 163, 184, 255}}, {"Result " + o.Result, result, color.RGBA{13, 148, 136, 255}}}
	for i, b := range bars {
		h := int(float64(axisY-200) * b.value / top)
		x := 320 + i*560
		draw.Draw(img, image.Rect(x, axisY-h, x+360, axisY), image.NewUniform(b.c), image.Point{}, draw.Src)
		drawLabel(img, b.label, x, axisY+50, 4, color.RGBA{30, 41, 59, 255})
	}
	draw.Draw(img, image.Rect(200, axisY, picWidth-200, axisY+6), image.NewUniform(color.RGBA{30, 41, 59, 255}), image.Point{}, draw.Src)
	drawLabel(img, o.Metric, 120, 90, 4, color.RGBA{30, 41, 59, 255})
	// A little sensor noise keeps the JPEG photo-sized rather than unrealistically tiny.
	for i := 0; i < picWidth*picHeight/6; i++ {
		x, y := g.rng.IntN(picWidth), g.rng.IntN(picHeight)
		c := img.RGBAAt(x, y)
		d := uint8(g.rng.IntN(10))
		img.SetRGBA(x, y, color.RGBA{c.R - min(c.R, d), c.G - min(c.G, d), c.B - min(c.B, d), 255})
	}
	return img
}

// drawLabel writes ASCII text with the built-in bitmap face, scaled up so it is legible.
func drawLabel(dst *image.RGBA, text string, x, y, scale int, c color.RGBA) {
	text = asciiOnly(text)
	face := basicfont.Face7x13
	w := font.MeasureString(face, text).Ceil()
	small := image.NewRGBA(image.Rect(0, 0, w, 16))
	d := font.Drawer{Dst: small, Src: image.NewUniform(c), Face: face, Dot: fixed.P(0, 12)}
	d.DrawString(text)
	target := image.Rect(x, y-12*scale, x+w*scale, y+4*scale)
	draw.NearestNeighbor.Scale(dst, target, small, small.Bounds(), draw.Over, nil)
}

func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII {
			return '?'
		}
		return r
	}, s)
}

func encodeJPEG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		return nil, fmt.Errorf("encoding a demo image: %w", err)
	}
	return buf.Bytes(), nil
}

func outcomesCSV(e portfolio.Entry) []byte {
	var b strings.Builder
	b.WriteString("metric,baseline,result\n")
	for _, o := range e.Pilot.Outcomes {
		fmt.Fprintf(&b, "%q,%q,%q\n", o.Metric, o.Baseline, o.Result)
	}
	return []byte(b.String())
}

// slug turns a title into a short, safe file-name stem.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

func number(s string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), 64)
	return f
}

func hsl(h, s, l float64) color.RGBA {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return color.RGBA{uint8((r + m) * 255), uint8((g + m) * 255), uint8((b + m) * 255), 255}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

func smooth(t float64) float64 {
	t = math.Min(1, math.Max(0, t))
	return t * t * (3 - 2*t)
}

func sat(v, add uint8) uint8 {
	if int(v)+int(add) > 255 {
		return 255
	}
	return v + add
}
