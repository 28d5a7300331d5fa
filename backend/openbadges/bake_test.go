package openbadges

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/readyfolio/readyfolio/backend/portfolio"
)

func TestBakePNGKeepsTheImageAndReadsBack(t *testing.T) {
	img := plainPNG(t, 40)
	baked, err := BakePNG(img, KeywordOB2, marshal(t, ob2Assertion()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(bytes.NewReader(baked)); err != nil {
		t.Fatalf("the baked badge is no longer a PNG image: %v", err)
	}
	b := mustRead(t, baked)
	if b.Format != FormatOB2PNG || b.Achievement == "" {
		t.Fatalf("read back = %+v", b)
	}
	if _, err := BakePNG([]byte("GIF89a not a png"), KeywordOB2, []byte("{}")); portfolio.Code(err) != portfolio.CodeInvalid {
		t.Fatalf("BakePNG of a GIF = %v", err)
	}
}
