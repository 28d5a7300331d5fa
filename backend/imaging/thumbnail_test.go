package imaging

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

func decodeThumbnail(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("thumbnail is not a JPEG: %v", err)
	}
	return img
}

func TestThumbnailOrientations(t *testing.T) {
	// Where EXIF 2.32 puts the stored top-left (red) and top-right (green) corners when the
	// image is shown; corners are listed top-left, top-right, bottom-right, bottom-left.
	want := map[int][4]string{
		1: {"red", "green", "gray", "gray"},
		2: {"green", "red", "gray", "gray"},
		3: {"gray", "gray", "red", "green"},
		4: {"gray", "gray", "green", "red"},
		5: {"red", "gray", "gray", "green"},
		6: {"gray", "red", "green", "gray"},
		7: {"gray", "green", "red", "gray"},
		8: {"green", "gray", "gray", "red"},
	}
	stored := encodeJPEG(t, markedImage(96, 48))
	for o := 1; o <= 8; o++ {
		data, err := Thumbnail(bytes.NewReader(withEXIF(stored, o)), 48)
		if err != nil {
			t.Fatalf("orientation %d: %v", o, err)
		}
		img := decodeThumbnail(t, data)
		wantSize := image.Pt(48, 24)
		if o >= 5 {
			wantSize = image.Pt(24, 48)
		}
		if got := img.Bounds().Size(); got != wantSize {
			t.Errorf("orientation %d: size %v, want %v", o, got, wantSize)
		}
		if got := corners(img); got != want[o] {
			t.Errorf("orientation %d: corners %v, want %v", o, got, want[o])
		}
	}
}

func TestThumbnailFlattensAlphaOntoWhite(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20)) // transparent
	for y := range 20 {
		for x := 20; x < 40; x++ {
			img.Set(x, y, blue)
		}
	}
	for name, data := range map[string][]byte{"png": encodePNG(t, img), "webp": readFixture(t, "alpha.webp")} {
		out, err := Thumbnail(bytes.NewReader(data), 100)
		if err != nil {
			t.Fatal(err)
		}
		got := decodeThumbnail(t, out)
		if c := corners(got); c != [4]string{"white", "blue", "blue", "white"} {
			t.Errorf("%s: corners %v, want white left and blue right", name, c)
		}
	}
}

func TestThumbnailSizes(t *testing.T) {
	for _, tc := range []struct {
		w, h, maxSide int
		want          image.Point
	}{
		{10, 5, 64, image.Pt(10, 5)}, // never enlarged
		{200, 100, 64, image.Pt(64, 32)},
		{100, 300, 64, image.Pt(21, 64)},
		{1000, 1, 100, image.Pt(100, 1)},
		{64, 64, 64, image.Pt(64, 64)},
	} {
		out, err := Thumbnail(bytes.NewReader(encodePNG(t, image.NewGray(image.Rect(0, 0, tc.w, tc.h)))), tc.maxSide)
		if err != nil {
			t.Fatal(err)
		}
		if got := decodeThumbnail(t, out).Bounds().Size(); got != tc.want {
			t.Errorf("%dx%d within %d: %v, want %v", tc.w, tc.h, tc.maxSide, got, tc.want)
		}
	}
	if _, err := Thumbnail(bytes.NewReader(encodePNG(t, image.NewGray(image.Rect(0, 0, 4, 4)))), 0); err == nil {
		t.Error("Thumbnail with size 0 succeeded")
	}
}

func TestThumbnailEveryFormat(t *testing.T) {
	for name, data := range samples(t) {
		out, err := Thumbnail(bytes.NewReader(data), 16)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := decodeThumbnail(t, out).Bounds().Size(); got.X != 16 || got.Y < 8 || got.Y > 9 {
			t.Errorf("%s: thumbnail size %v, want 16 wide", name, got)
		}
	}
}

func TestApplyOrientation(t *testing.T) {
	// A 3×2 image whose pixels are numbered 1 to 6, row by row, and how each orientation
	// shows it.
	want := map[int][][]uint8{
		1: {{1, 2, 3}, {4, 5, 6}},
		2: {{3, 2, 1}, {6, 5, 4}},
		3: {{6, 5, 4}, {3, 2, 1}},
		4: {{4, 5, 6}, {1, 2, 3}},
		5: {{1, 4}, {2, 5}, {3, 6}},
		6: {{4, 1}, {5, 2}, {6, 3}},
		7: {{6, 3}, {5, 2}, {4, 1}},
		8: {{3, 6}, {2, 5}, {1, 4}},
	}
	// The same pixels as RGBA away from the origin, as gray (converted on the way) and at 16 bits.
	rgba := image.NewRGBA(image.Rect(10, 20, 13, 22))
	grayImg := image.NewGray(image.Rect(0, 0, 3, 2))
	deep := image.NewRGBA64(image.Rect(0, 0, 3, 2))
	for i := range 6 {
		v := uint8(i + 1)
		rgba.Set(10+i%3, 20+i/3, color.RGBA{v, v, v, 255})
		grayImg.SetGray(i%3, i/3, color.Gray{v})
		deep.SetRGBA64(i%3, i/3, color.RGBA64{uint16(v) << 8, 0, 0, 0xffff})
	}
	for o, rows := range want {
		for name, src := range map[string]image.Image{"rgba": rgba, "gray": grayImg, "16-bit": deep} {
			got := ApplyOrientation(src, o)
			b := got.Bounds()
			if b.Dx() != len(rows[0]) || b.Dy() != len(rows) {
				t.Errorf("%s orientation %d: size %v", name, o, b.Size())
				continue
			}
			for y, row := range rows {
				for x, v := range row {
					r, _, _, _ := got.At(b.Min.X+x, b.Min.Y+y).RGBA()
					if uint8(r>>8) != v {
						t.Errorf("%s orientation %d: pixel (%d,%d) = %d, want %d", name, o, x, y, r>>8, v)
					}
				}
			}
			switch _, deepResult := got.(*image.RGBA64); {
			case o == 1 && got != src:
				t.Errorf("%s orientation 1: the image was copied", name)
			case o != 1 && deepResult != (name == "16-bit"):
				t.Errorf("%s orientation %d: result is %T", name, o, got)
			}
		}
	}
}

func FuzzThumbnail(f *testing.F) {
	for _, data := range samples(f) {
		f.Add(data)
	}
	f.Add(withEXIF(encodeJPEG(f, markedImage(12, 6)), 6))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Thumbnail(bytes.NewReader(data), 32)
		if err != nil {
			return
		}
		img, err := jpeg.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("thumbnail is not a JPEG: %v", err)
		}
		if s := img.Bounds().Size(); s.X > 32 || s.Y > 32 {
			t.Fatalf("thumbnail is %v, larger than 32", s)
		}
	})
}
