package geo

import "math"

// ellipsoid is a reference ellipsoid of revolution.
type ellipsoid struct {
	a float64 // semi-major axis, metres
	f float64 // flattening
}

// grs80 is the GRS80 ellipsoid of ETRS89/EUREF89 (Moritz 1980): a =
// 6 378 137 m, 1/f = 298.257222101. WGS84 differs from it by 0.1 mm in the
// semi-minor axis, far below what any boundary file resolves.
var grs80 = ellipsoid{a: 6378137, f: 1 / 298.257222101}

// transverseMercator is the Gauss–Krüger (ellipsoidal transverse Mercator)
// projection, EPSG method 9807, evaluated with Krüger's series to sixth
// order in the third flattening n as given by Karney (2011), "Transverse
// Mercator with an accuracy of a few nanometers", J. Geodesy 85:475–485,
// eqs. (7)–(11), (35) and (36). Within 3 900 km of the central meridian the
// truncation error is below 5 nm, so across Norway, which lies at most
// 16.2° of longitude (about 600 km at 70°N) from 15°E, the forward and
// inverse mappings are exact for every practical purpose.
type transverseMercator struct {
	lon0   float64 // central meridian, radians
	k0     float64 // scale on the central meridian
	fe, fn float64 // false easting and northing, metres

	e     float64    // eccentricity
	e2m   float64    // 1 - e²
	kA    float64    // k0 times the rectifying radius A
	alpha [7]float64 // α₁…α₆ (index 0 unused)
	beta  [7]float64 // β₁…β₆ (index 0 unused)
	y0    float64    // k0·A·ξ at the latitude of origin (0 for UTM)
}

// newTransverseMercator returns the projection for ellipsoid el with natural
// origin (lon0, lat0) in degrees, scale k0 and false origin (fe, fn).
func newTransverseMercator(el ellipsoid, lon0, lat0, k0, fe, fn float64) *transverseMercator {
	n := el.f / (2 - el.f)
	n2 := n * n
	n3 := n2 * n
	n4 := n3 * n
	n5 := n4 * n
	n6 := n5 * n
	t := &transverseMercator{
		lon0: lon0 * math.Pi / 180,
		k0:   k0,
		fe:   fe,
		fn:   fn,
		e:    math.Sqrt(el.f * (2 - el.f)),
		e2m:  (1 - el.f) * (1 - el.f),
	}
	// Rectifying radius, Karney (2011) eq. (14): 2πA is the meridian's length.
	A := el.a / (1 + n) * (1 + n2/4 + n4/64 + n6/256)
	t.kA = k0 * A
	// Karney (2011) eq. (35).
	t.alpha = [7]float64{0,
		n/2 - 2*n2/3 + 5*n3/16 + 41*n4/180 - 127*n5/288 + 7891*n6/37800,
		13*n2/48 - 3*n3/5 + 557*n4/1440 + 281*n5/630 - 1983433*n6/1935360,
		61*n3/240 - 103*n4/140 + 15061*n5/26880 + 167603*n6/181440,
		49561*n4/161280 - 179*n5/168 + 6601661*n6/7257600,
		34729*n5/80640 - 3418889*n6/1995840,
		212378941 * n6 / 319334400,
	}
	// Karney (2011) eq. (36).
	t.beta = [7]float64{0,
		n/2 - 2*n2/3 + 37*n3/96 - n4/360 - 81*n5/512 + 96199*n6/604800,
		n2/48 + n3/15 - 437*n4/1440 + 46*n5/105 - 1118711*n6/3870720,
		17*n3/480 - 37*n4/840 - 209*n5/4480 + 5569*n6/90720,
		4397*n4/161280 - 11*n5/504 - 830251*n6/7257600,
		4583*n5/161280 - 108847*n6/3991680,
		20648693 * n6 / 638668800,
	}
	if lat0 != 0 {
		_, t.y0 = t.raw(0, lat0*math.Pi/180)
	}
	return t
}

// raw returns k0·A·η and k0·A·ξ for longitude difference dlon and latitude
// lat in radians: the projection before the false origin is applied.
func (t *transverseMercator) raw(dlon, lat float64) (x, y float64) {
	// Conformal latitude as τ′ = tan χ, Karney (2011) eqs. (7)–(9).
	tau := math.Tan(lat)
	sigma := math.Sinh(t.e * math.Atanh(t.e*tau/math.Hypot(1, tau)))
	taup := tau*math.Hypot(1, sigma) - sigma*math.Hypot(1, tau)
	if math.Abs(lat) == math.Pi/2 {
		taup = math.Copysign(math.Inf(1), lat)
	}
	// Spherical transverse Mercator on the conformal sphere, eq. (10).
	cl, sl := math.Cos(dlon), math.Sin(dlon)
	xip := math.Atan2(taup, cl)
	etap := math.Asinh(sl / math.Hypot(taup, cl))
	// Krüger's series, eq. (11).
	xi, eta := xip, etap
	for j := 1; j <= 6; j++ {
		s, c := math.Sincos(2 * float64(j) * xip)
		xi += t.alpha[j] * s * math.Cosh(2*float64(j)*etap)
		eta += t.alpha[j] * c * math.Sinh(2*float64(j)*etap)
	}
	return t.kA * eta, t.kA * xi
}

// forward projects longitude and latitude in degrees to easting x and
// northing y in metres.
func (t *transverseMercator) forward(lon, lat float64) (x, y float64) {
	dlon := lon*math.Pi/180 - t.lon0
	x, y = t.raw(dlon, lat*math.Pi/180)
	return t.fe + x, t.fn + y - t.y0
}

// inverse maps easting x and northing y in metres back to longitude and
// latitude in degrees, Karney (2011) eqs. (11), (15)–(21) with β for α.
func (t *transverseMercator) inverse(x, y float64) (lon, lat float64) {
	xi := (y - t.fn + t.y0) / t.kA
	eta := (x - t.fe) / t.kA
	xip, etap := xi, eta
	for j := 1; j <= 6; j++ {
		s, c := math.Sincos(2 * float64(j) * xi)
		xip -= t.beta[j] * s * math.Cosh(2*float64(j)*eta)
		etap -= t.beta[j] * c * math.Sinh(2*float64(j)*eta)
	}
	sxip, cxip := math.Sincos(xip)
	shetap := math.Sinh(etap)
	taup := sxip / math.Hypot(shetap, cxip)
	dlon := math.Atan2(shetap, cxip)
	// Solve τ′(τ) = taup for τ by Newton's method, eqs. (19)–(21); three
	// steps reach full double precision from τ = τ′.
	tau := taup
	for range 5 {
		sigma := math.Sinh(t.e * math.Atanh(t.e*tau/math.Hypot(1, tau)))
		taui := tau*math.Hypot(1, sigma) - sigma*math.Hypot(1, tau)
		d := (taup - taui) / math.Hypot(1, taui) *
			(1 + t.e2m*tau*tau) / (t.e2m * math.Hypot(1, tau))
		tau += d
		if math.Abs(d) < 1e-14*math.Max(1, math.Abs(tau)) {
			break
		}
	}
	return (t.lon0 + dlon) * 180 / math.Pi, math.Atan(tau) * 180 / math.Pi
}

// utm33 is ETRS89 / UTM zone 33N (EPSG:25833).
var utm33 = newTransverseMercator(grs80, 15, 0, 0.9996, 500000, 0)

// ToUTM33 projects a WGS84/ETRS89 longitude and latitude in degrees to
// ETRS89 / UTM zone 33N (EPSG:25833): easting x and northing y in metres.
// Points outside the zone are projected on the extended zone, as Norway's
// national maps do for the whole country (Eigersund at 6°E gets a negative
// easting); the error stays below a micrometre across Norway.
func ToUTM33(lon, lat float64) (x, y float64) { return utm33.forward(lon, lat) }

// FromUTM33 is the inverse of ToUTM33: it maps an EPSG:25833 easting and
// northing in metres to longitude and latitude in degrees.
func FromUTM33(x, y float64) (lon, lat float64) { return utm33.inverse(x, y) }
