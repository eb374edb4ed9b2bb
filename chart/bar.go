package chart

import "io"

type BarChart struct {
	Title, Desc, Unit, Source string
	Bars                      []Bar
	Reference                 *Reference
	Width                     int
	Format                    func(float64) string
	Lang, ID                  string
}
type Bar struct {
	Label            string
	Value            float64
	Known, Highlight bool
	Href             string
}
type Reference struct {
	Label string
	Value float64
}

func Bars(w io.Writer, c BarChart) error { return nil }
