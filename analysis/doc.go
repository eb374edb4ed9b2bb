// Package analysis relates a per-municipality indicator to the size and
// centrality of the municipalities, the analysis Menon Economics made of
// statutory compliance (lovoppfyllelse) for the Ministry of Local
// Government and Regional Development in "Ståa i norske kommuner", one of
// the foundations of the Generalist Municipality Committee's report
// NOU 2023: 9. Menon found compliance lower the smaller and the more
// peripheral the municipality, and good finances compensating for this
// only in part. This package makes the same kind of analysis for any
// indicator: a value for each municipality, explained by covariates such
// as the logarithm of the population, SSB's centrality class (1 most
// central … 6 least central) and a measure of finances.
//
// It is pure computation: values in, values out, no I/O, no state. It
// imports the standard library, gonum and, for its error type, the root
// package generalist.
//
// # Parts
//
//   - [OLS] fits a linear model by ordinary least squares with an
//     intercept, and returns a [Regression]: coefficients with standard
//     errors, t statistics, p-values and 95 % confidence intervals, R²,
//     adjusted R², the F test, fitted values and residuals. Its methods
//     [Regression.Partial], [Regression.Doubling], [Regression.Effects] and
//     [Regression.Predict] turn the coefficients into statements a reader
//     can use ("a municipality twice as large scores 3.1 points higher").
//   - [Dummies] codes a categorical covariate, such as the centrality
//     class, as 0/1 columns against a base category.
//   - [Complete] drops the rows in which the indicator or a covariate is
//     missing (NaN) and says how many it dropped, so that the sample
//     behind a regression is always reported.
//   - [GroupMeans] summarises the indicator by group (count, mean, median,
//     extremes, standard deviation), the table that goes with the
//     regression.
//
// # Typical use
//
//	cols, levels, err := analysis.Dummies(class, "1") // centrality, base class 1
//	X := append([][]float64{logPop}, cols...)
//	names := append([]string{"log2(innbyggere)"}, levels...)
//	s, err := analysis.Complete(y, X)   // s.Dropped rows had missing values
//	reg, err := analysis.OLS(s.Y, s.X, names)
//	eff, err := reg.Doubling("log2(innbyggere)", 2)
//
// # Interpretation
//
// The results describe association in a cross-section, not cause: small
// and peripheral municipalities differ from the others in many ways that
// the covariates do not capture. The standard errors assume independent
// errors with equal variance (classical OLS); with some 357 municipalities
// the t-based intervals are close to normal ones.
//
// # Glossary (Norwegian → English)
//
//	lovoppfyllelse, etterlevelse   statutory compliance (the indicator y)
//	lovpålagte oppgaver            statutory tasks
//	innbyggertall, folkemengde     population (usually a log covariate)
//	sentralitetsklasse             centrality class, 1 most central … 6 least ([Dummies])
//	referansekategori              base category of the dummies
//	regresjon, minste kvadraters   regression, least squares ([OLS])
//	koeffisient                    coefficient
//	standardfeil                   standard error
//	konfidensintervall             confidence interval
//	forklaringsgrad (R²)           coefficient of determination
//	frihetsgrader                  degrees of freedom
//	manglende verdi                missing value (NaN; [Complete])
//	gjennomsnitt, median           mean, median ([GroupMeans])
package analysis
