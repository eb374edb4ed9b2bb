package geo

import (
	"math"
	"math/cmplx"
	"testing"
)

// dms converts degrees, minutes and seconds to decimal degrees.
func dms(d, m, s float64) float64 { return d + m/60 + s/3600 }

// airy1830 is the ellipsoid of OSGB36, used by the published British National
// Grid examples below.
var airy1830 = ellipsoid{a: 6377563.396, f: 1 / 299.3249646}

// britishNationalGrid is EPSG:27700: natural origin 49°N 2°W, k0 =
// 0.9996012717, false origin (400 000, -100 000).
var britishNationalGrid = newTransverseMercator(airy1830, -2, 49, 0.9996012717, 400000, -100000)

func TestToUTM33(t *testing.T) {
	for _, tt := range []struct {
		name         string
		lon, lat     float64
		wantX, wantY float64
		tolX, tolY   float64
		source       string
	}{
		{
			name: "OriginOnCentralMeridian", lon: 15, lat: 0,
			wantX: 500000, wantY: 0, tolX: 1e-9, tolY: 1e-9,
			source: "definition of UTM zone 33N (EPSG:16033): natural origin 0°N 15°E, false easting 500 000 m",
		},
		{
			name: "NorthPole", lon: 15, lat: 90,
			// The quadrant of the GRS80 meridian is Q = 10 001 965.7293 m
			// (Moritz 1980, "Geodetic Reference System 1980", Bull. Géod.
			// 54:395, table of derived constants); on the central meridian
			// the northing is k0 times the meridian arc from the equator.
			wantX: 500000, wantY: 0.9996 * 10001965.7293, tolX: 1e-6, tolY: 1e-3,
			source: "Moritz (1980), GRS80 meridian quadrant",
		},
		{
			name: "SouthOnCentralMeridian", lon: 15, lat: -90,
			wantX: 500000, wantY: -0.9996 * 10001965.7293, tolX: 1e-6, tolY: 1e-3,
			source: "symmetry about the equator",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x, y := ToUTM33(tt.lon, tt.lat)
			if math.Abs(x-tt.wantX) > tt.tolX || math.Abs(y-tt.wantY) > tt.tolY {
				t.Errorf("ToUTM33(%v, %v) = (%.4f, %.4f), want (%.4f, %.4f) [%s]",
					tt.lon, tt.lat, x, y, tt.wantX, tt.wantY, tt.source)
			}
		})
	}
}

// TestTransverseMercatorPublished checks the general projection code against
// worked examples published by national mapping agencies. UTM 33N is the same
// code with other constants, so these pin the series and the handling of a
// non-zero latitude of origin.
func TestTransverseMercatorPublished(t *testing.T) {
	for _, tt := range []struct {
		name         string
		lon, lat     float64
		wantX, wantY float64
		tol          float64
	}{
		// Ordnance Survey, "A guide to coordinate systems in Great Britain"
		// (v3.6, 2020), Annex C worked example (Caister water tower):
		// 52°39′27.2531″N, 1°43′4.5177″E on OSGB36 → E 651 409.903 m,
		// N 313 177.270 m. Printed to the millimetre.
		{"OSGuideAnnexC", dms(1, 43, 4.5177), dms(52, 39, 27.2531), 651409.903, 313177.270, 0.0015},
		// IOGP, EPSG Guidance Note 7-2, section 3.5.3.1 (Transverse
		// Mercator): 50°30′N, 0°30′E → E 577 274.99 m, N 69 740.50 m.
		// Printed to the centimetre (and slightly off the note's own
		// intermediate values), so allow 1 cm.
		{"EPSGGuidanceNote7-2", 0.5, 50.5, 577274.99, 69740.50, 0.01},
		// The natural origin maps to the false origin.
		{"NaturalOrigin", -2, 49, 400000, -100000, 1e-6},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x, y := britishNationalGrid.forward(tt.lon, tt.lat)
			if math.Abs(x-tt.wantX) > tt.tol || math.Abs(y-tt.wantY) > tt.tol {
				t.Errorf("forward(%v, %v) = (%.4f, %.4f), want (%.3f, %.3f) ± %v m", tt.lon, tt.lat, x, y, tt.wantX, tt.wantY, tt.tol)
			}
			lon, lat := britishNationalGrid.inverse(tt.wantX, tt.wantY)
			// 1e-7° is about 1 cm on the ground.
			if math.Abs(lon-tt.lon) > 2e-7 || math.Abs(lat-tt.lat) > 2e-7 {
				t.Errorf("inverse(%.3f, %.3f) = (%.9f, %.9f), want (%.9f, %.9f)", tt.wantX, tt.wantY, lon, lat, tt.lon, tt.lat)
			}
		})
	}
}

// snyderUTM33 is the classical series of the USGS (Snyder 1987, "Map
// Projections — A Working Manual", USGS Prof. Paper 1395, eqs. 3-21, 8-9,
// 8-10) for GRS80 / UTM 33N. It is an independent expansion in powers of the
// longitude difference, good to a few millimetres within ±3° of the central
// meridian and degrading beyond.
func snyderUTM33(lon, lat float64) (x, y float64) {
	a, f, k0 := grs80.a, grs80.f, 0.9996
	e2 := f * (2 - f)
	ep2 := e2 / (1 - e2)
	phi := lat * math.Pi / 180
	sp, cp := math.Sincos(phi)
	N := a / math.Sqrt(1-e2*sp*sp)
	T := math.Tan(phi) * math.Tan(phi)
	C := ep2 * cp * cp
	A := (lon - 15) * math.Pi / 180 * cp
	e4, e6 := e2*e2, e2*e2*e2
	M := a * ((1-e2/4-3*e4/64-5*e6/256)*phi -
		(3*e2/8+3*e4/32+45*e6/1024)*math.Sin(2*phi) +
		(15*e4/256+45*e6/1024)*math.Sin(4*phi) -
		(35*e6/3072)*math.Sin(6*phi))
	x = k0*N*(A+(1-T+C)*math.Pow(A, 3)/6+(5-18*T+T*T+72*C-58*ep2)*math.Pow(A, 5)/120) + 500000
	y = k0 * (M + N*math.Tan(phi)*(A*A/2+(5-T+9*C+4*C*C)*math.Pow(A, 4)/24+
		(61-58*T+T*T+600*C-330*ep2)*math.Pow(A, 6)/720))
	return x, y
}

// exactUTM33 evaluates the Gauss–Krüger projection from its definition,
// without any series: the projection is the conformal map w ↦ k0·m(φ(w))
// where w = ψ + iλ is the complex isometric latitude, φ(w) its (complex)
// latitude and m the meridian arc, so northing + i·easting equals k0 times
// ∫ N(φ)cos φ dw along any path from 0 to w (Lee 1976; Karney 2011 §2). The
// integral is taken along the meridian (real, dm = M dφ) and then along a
// line of constant ψ, both by composite Simpson with many panels. This shares
// no formula with the Krüger series beyond the ellipsoid constants.
func exactUTM33(lon, lat float64) (x, y float64) {
	a, f, k0 := grs80.a, grs80.f, 0.9996
	e2 := f * (2 - f)
	e := math.Sqrt(e2)
	phi0 := lat * math.Pi / 180
	lam := (lon - 15) * math.Pi / 180
	const panels = 2000 // even
	simpson := func(g func(float64) complex128, hi float64) complex128 {
		h := hi / panels
		s := g(0) + g(hi)
		for i := 1; i < panels; i++ {
			w := 2.0
			if i%2 == 1 {
				w = 4
			}
			s += complex(w, 0) * g(float64(i)*h)
		}
		return s * complex(h/3, 0)
	}
	// Meridian arc: M(φ) = a(1-e²)/(1-e² sin²φ)^{3/2}.
	m := real(simpson(func(p float64) complex128 {
		s := math.Sin(p)
		return complex(a*(1-e2)/math.Pow(1-e2*s*s, 1.5), 0)
	}, phi0))
	// Isometric latitude ψ(φ) = atanh(sin φ) - e·atanh(e sin φ), complex.
	psi := func(p complex128) complex128 {
		s := cmplx.Sin(p)
		return cmplx.Atanh(s) - complex(e, 0)*cmplx.Atanh(complex(e, 0)*s)
	}
	psi0 := real(psi(complex(phi0, 0)))
	phiOf := func(w complex128) complex128 {
		p := cmplx.Asin(cmplx.Tanh(w)) // spherical guess
		for range 30 {
			s, c := cmplx.Sin(p), cmplx.Cos(p)
			d := (psi(p) - w) * (1 - complex(e2, 0)*s*s) * c / complex(1-e2, 0)
			p -= d
			if cmplx.Abs(d) < 1e-16 {
				break
			}
		}
		return p
	}
	// ∫ N cos φ dw along w = ψ0 + i t, dw = i dt.
	z := simpson(func(t float64) complex128 {
		p := phiOf(complex(psi0, t))
		s := cmplx.Sin(p)
		return complex(0, 1) * complex(a, 0) * cmplx.Cos(p) / cmplx.Sqrt(1-complex(e2, 0)*s*s)
	}, lam)
	z += complex(m, 0)
	return 500000 + k0*imag(z), k0 * real(z)
}

// norwayPoints spans the country and the extended zone: the mainland runs from
// 4.5°E (Utsira, Solund) to 31.1°E (Vardø) and from 57.9°N to 71.2°N.
var norwayPoints = [][2]float64{
	{15, 60}, {16.5, 62}, {13.5, 68}, // near the central meridian
	{10.7522, 59.9139},                                   // Oslo
	{5.3221, 60.3913},                                    // Bergen
	{4.8847, 59.3094},                                    // Utsira
	{5.7331, 58.9700},                                    // Stavanger
	{7.9956, 58.1467},                                    // Kristiansand
	{10.3951, 63.4305},                                   // Trondheim
	{18.9553, 69.6496},                                   // Tromsø
	{25.7834, 71.1710},                                   // Nordkapp
	{31.1077, 70.3705},                                   // Vardø
	{30.0450, 69.7270},                                   // Kirkenes
	{4.5, 57.9}, {31.5, 71.5}, {4.5, 71.5}, {31.5, 57.9}, // corners
}

func TestToUTM33Exact(t *testing.T) {
	for _, p := range norwayPoints {
		x, y := ToUTM33(p[0], p[1])
		wx, wy := exactUTM33(p[0], p[1])
		// The Krüger series is good to nanometres; the numerical integral
		// to well under a micrometre at this panel count.
		if d := math.Hypot(x-wx, y-wy); d > 1e-6 {
			t.Errorf("ToUTM33(%v, %v) = (%.6f, %.6f), exact (%.6f, %.6f): off by %.3g m", p[0], p[1], x, y, wx, wy, d)
		}
	}
}

func TestToUTM33Snyder(t *testing.T) {
	// Within the standard zone (12°E–18°E) the two expansions agree to
	// about a millimetre (the USGS meridian arc stops at e⁶, which alone
	// costs about 0.8 mm at these latitudes); the USGS series degrades
	// further out (0.6 m at Vardø), which is why the Krüger series is used.
	for _, p := range [][2]float64{{15, 58}, {13.2, 60.5}, {16.9, 64}, {12.1, 66.3}, {17.9, 69.2}, {15.5, 71}} {
		x, y := ToUTM33(p[0], p[1])
		sx, sy := snyderUTM33(p[0], p[1])
		if d := math.Hypot(x-sx, y-sy); d > 2e-3 {
			t.Errorf("ToUTM33(%v, %v) = (%.4f, %.4f), Snyder series (%.4f, %.4f): off by %.4f m", p[0], p[1], x, y, sx, sy, d)
		}
	}
}

func TestFromUTM33RoundTrip(t *testing.T) {
	for _, p := range norwayPoints {
		x, y := ToUTM33(p[0], p[1])
		lon, lat := FromUTM33(x, y)
		// 1e-10° is about 10 µm.
		if math.Abs(lon-p[0]) > 1e-10 || math.Abs(lat-p[1]) > 1e-10 {
			t.Errorf("FromUTM33(ToUTM33(%v, %v)) = (%.12f, %.12f)", p[0], p[1], lon, lat)
		}
	}
}

func BenchmarkToUTM33(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		ToUTM33(5+float64(i%26), 58+float64(i%13))
	}
}
