package chart

import "io"

type AgeChart struct {
	Title, Desc, Source string
	Ages, Compare       []float64
	CompareName, Name   string
	Width, Height       int
	Lang, ID            string
}

func AgeProfile(w io.Writer, c AgeChart) error { return nil }
