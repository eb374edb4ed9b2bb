package refdata

// sources gives the attribution shown for each reference file; the full
// provenance (repositories, commits, checks) is in data/README.md.
var sources = map[string]string{
	"fylker_2019.csv":   "Kilde: Statistisk sentralbyrå (Klass 131); fylkesnavn normalisert fra FHI (fhidata)",
	"fylker_2020.csv":   "© Kartverket (Administrative enheter 2020), CC BY 4.0",
	"fylker_2024.csv":   "© Kartverket (Administrative enheter 2024), CC BY 4.0",
	"kommuner_2019.csv": "Kilde: Statistisk sentralbyrå (Klass 131, 2019), via gardenberg/kommunekoder",
	"kommuner_2020.csv": "Kilde: Statistisk sentralbyrå (Klass 131, 2020); © Kartverket (kortnavn, samisk forvaltningsområde), CC BY 4.0",
	"kommuner_2024.csv": "© Kartverket (Administrative enheter 2024), CC BY 4.0; kortnavn via aprestmo/norway-geodata",

	"kommuneendringer_2019_2020.csv": "Kilde: Statistisk sentralbyrå (Klass 131, endringer), via gardenberg/kommunekoder; kontrollert mot FHI",
	"kommuneendringer_2020_2024.csv": "Kilde: Statistisk sentralbyrå (kommunenumre), via niphr/csdata",

	"befolkning_2019_k2019.csv":      "Kilde: Statistisk sentralbyrå, tabell 07459 (via fhidata)",
	"befolkning_2020_k2020.csv":      "Kilde: Statistisk sentralbyrå, tabell 07459 (via fhidata)",
	"befolkning_k2024.csv":           "Kilde: Statistisk sentralbyrå, tabell 07459 (via csdata)",
	"befolkning_tidsserie_k2020.csv": "Kilde: Statistisk sentralbyrå, tabell 07459 (2020 via fhidata; 2021–2023 via csdata, Ålesund utledet som rest)",
	"befolkning_tidsserie_k2024.csv": "Kilde: Statistisk sentralbyrå, tabell 07459 (via csdata; delte kommuner uten data)",
	"befolkning_ettarig_alder.csv":   "Kilde: Statistisk sentralbyrå, tabell 07459 (ettårig alder; via fhidata og csdata)",

	"kommuner_2024_areal_maalform.csv":         "Areal og målform: SSB/Kartverket, sammenstilt av aprestmo/norway-geodata (MIT); referansedato ikke dokumentert",
	"sentralitetsklasse_k2024_uverifisert.csv": "SSB sentralitetsklasse (antatt Klass 128, IKKE verifisert), via martinisu/CounterfactMe",
	"inntektssystem_kostnadsindeks_k2024.csv":  "Kilde: KDD, Grønt hefte 2025 og 2026, tabell A-k (transkribert av vegard1104/kommunebarometer)",
	"robek_2026-04-20.csv":                     "Kilde: KDD, ROBEK-registeret 20.04.2026",
	"norden_finland_kommuner.csv":              "Source: Statistics Finland, via Yle (CC BY 4.0)",
	"norden_aggregater.csv":                    "Generalistkommuneutvalgets presentasjon; KMD, «Våre naboland» (2014)",
}
