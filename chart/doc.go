// Package chart draws the charts of Generalist as self-contained SVG,
// rendered on the server with no JavaScript, for the web UI and for the
// HTML reports. Every chart is a function from a plain value to an
// io.Writer, so it can be golden-tested and used by web and report alike;
// the package imports only the standard library.
//
// # Charts
//
//   - [Line] draws a time series over whole years, such as the population
//     of one or more municipalities 2006–2026 (up to about six series).
//     A point with Known false ("ingen data") breaks the line, and the
//     year is covered by a hatched band labelled "ingen data".
//   - [AgeProfile] draws the age distribution of a population by single
//     year of age 0…105 (105 meaning "105 år eller eldre") as horizontal
//     bars, age 0 at the bottom, share of the population on the
//     horizontal axis, with an optional comparison such as Norway drawn
//     as a step line. The single-age data has no split by sex, so this is
//     a one-sided "pyramid"; shares make municipalities of any size
//     comparable.
//   - [Bars] compares a value across municipalities (2 to 50 or more) as
//     horizontal bars in the order given, with the value at the end of
//     each bar, optional highlighted bars, links and a reference line such
//     as the national median or a threshold. Negative values point left
//     from a zero line; an unknown value reads "ingen data".
//   - [Histogram] shows how a sample is distributed (such as the
//     heaviest group over the plans of an ensemble): adjoining bars of
//     equal-width bins, their height the share of the sample, with
//     labelled marks (the plan found) as dashed lines; the description
//     gives the most common bin and the share below each mark.
//
// [FormatNumber] formats numbers the Norwegian way ("15 077,5", with a
// no-break space) or the English way, and [Ticks] picks axis ticks with
// 1-2-5 steps; web reuses both.
//
// # Axes
//
// Bars always start at zero, since a bar's length is its value. The y axis
// of a line chart starts at zero when the data come within half their
// maximum of zero (or cross it), or when [LineChart].ZeroBased is set;
// otherwise it starts at the nice tick below the data, because a
// municipality's population changing by 20 % in twenty years would look
// flat from zero. Such a chart says so three times: a break symbol on the
// y axis, the note "Merk: Y-aksen starter ikke på null." under the plot,
// and the description.
//
// # Accessibility (WCAG 2.1 AA)
//
//   - The root has role="img" with aria-labelledby and aria-describedby
//     pointing at its first children, <title> (the Title) and <desc>
//     (the caller's Desc followed by a summary generated from the data:
//     first and last values, change, extremes and years without data for
//     a line; population, median age and broad age groups for an age
//     profile; every bar and its value for a bar chart). A bar chart with
//     links has role="group" instead, because the children of an img are
//     hidden from assistive technology and the links must stay reachable;
//     each link then has the bar's label and value as its text.
//   - The lang attribute is set ("nb" or "en") so screen readers use the
//     right voice.
//   - Colours that carry meaning reach 4.5:1 against the white
//     background (tested); gridlines are decoration. Text is at least 12
//     px, titles 16 px. Text that crosses lines has a white halo or plate.
//   - Nothing is told by colour alone: line series differ by colour, dash
//     pattern and marker shape, with a legend; missing years are hatched
//     and labelled; highlighted bars also have bold labels; the comparison
//     of an age profile is a line, not a colour; the reference line is
//     dashed and labelled.
//   - The visible title repeats Title; a page that already has a heading
//     can hide it with CSS (.chart-title { display: none }).
//
// # Styling and Content Security Policy
//
// Presentation is given in attributes (fill, stroke, font-size, …), never
// in <style> elements or style attributes, so the SVG works inline under
// a strict Content-Security-Policy (style-src 'self'). Elements carry
// class names a host style sheet can use to adjust them: chart,
// chart-line, chart-age, chart-bars on the root; chart-bg, chart-title,
// chart-legend, chart-axis, chart-axis-x, chart-axis-y, chart-axis-label,
// chart-axis-break, chart-grid, chart-zero, chart-note, chart-source,
// chart-gaps, chart-nodata, chart-series chart-series-N,
// chart-series-line, chart-series-marker, chart-bar, chart-compare, chart-row, chart-label,
// chart-value, chart-highlight, chart-link, chart-ref.
//
// # Determinism and safety
//
// The same input gives byte-identical output: coordinates are rounded to
// one decimal, nothing depends on map order, time or locale, and element
// ids are derived from a hash of the input unless the caller sets ID (set
// it when the same chart appears twice on one page, since ids must be
// unique). Text is escaped and characters XML forbids are replaced, links
// must be relative or http(s)/mailto, and a chart that fails validation
// writes nothing, so web may inline the output as trusted HTML. Text
// widths are estimated from character classes, as the server has no font
// metrics; the estimate errs on the wide side.
//
// # Glossary (Norwegian → English)
//
//	ingen data                 no data (Point.Known, Bar.Known false)
//	folkemengde                population
//	aldersfordeling            age profile ([AgeProfile])
//	ettårig alder              single year of age
//	105 år eller eldre         105 years or older ([MaxAge])
//	medianalder                median age
//	andel av befolkningen      share of the population
//	kilde                      source
//	uthevet                    highlighted (Bar.Highlight)
//	referanselinje             reference line ([Reference])
//	enhet                      unit
package chart
